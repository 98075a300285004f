import type { StarterSkill } from "./types";

export const industrySkills: StarterSkill[] = [];
