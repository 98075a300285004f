import type { StarterRole } from "./types";

export const constructionRoles: StarterRole[] = [];
