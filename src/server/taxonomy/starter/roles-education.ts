import type { StarterRole } from "./types";

export const educationRoles: StarterRole[] = [];
