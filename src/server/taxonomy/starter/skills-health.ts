import type { StarterSkill } from "./types";

export const healthSkills: StarterSkill[] = [];
