import type { StarterSkill } from "./types";

export const educationSkills: StarterSkill[] = [];
