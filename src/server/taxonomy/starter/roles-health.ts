import type { StarterRole } from "./types";

export const healthRoles: StarterRole[] = [];
