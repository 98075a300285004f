import type { StarterSkill } from "./types";

export const constructionSkills: StarterSkill[] = [];
