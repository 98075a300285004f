import type { StarterSkill } from "./types";

export const businessSkills: StarterSkill[] = [];
