import type { StarterRole } from "./types";

export const businessRoles: StarterRole[] = [];
