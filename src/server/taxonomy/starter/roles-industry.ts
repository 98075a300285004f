import type { StarterRole } from "./types";

export const industryRoles: StarterRole[] = [];
