// Shapes shared by matching, the gap plan, the CLI and the JSON API.
import "server-only";
import type { Embedder } from "@/server/embeddings/types";

/** A skill on a profile as matching sees it: a taxonomy concept, or a custom label the user typed. */
export type UserSkillInput =
  | { conceptId: string; customLabel?: undefined; level?: number | null }
  | { conceptId?: undefined; customLabel: string; level?: number | null };

export type MatchLang = "nb" | "en";

/** Which of the user's skills covered a role's skill, and how strongly (1 = the same skill). */
export type SkillMatch = {
  skillId: string;
  label: string;
  by: { label: string; userSkill: UserSkillInput };
  strength: number;
};

export type SkillRef = { skillId: string; label: string };

/** Everything a role's score is computed from; nothing else goes into it. */
export type MatchExplanation = {
  matchedEssential: SkillMatch[];
  matchedOptional: SkillMatch[];
  missingEssential: SkillRef[];
  missingOptional: SkillRef[];
  /** How many (distinct) skills the user matched with: the denominator of the score's precision. */
  userSkillCount: number;
};

export type RoleMatch = MatchExplanation & {
  roleId: string;
  uri: string;
  label: string;
  /** scoreFromExplanation of the lists above: the weighted share of the role's skills you have. */
  score: number;
  /** Matching from text: words of the text found in the role's labels, description or skills. They order the list only. */
  textEvidence?: string[];
};

export type MatchRolesInput = {
  skills: UserSkillInput[];
  lang: MatchLang;
  limit: number;
  embedder: Embedder;
  /** Set from SessionUser.restricted: restricted processing (GDPR art. 18) means no matching at all. */
  restricted?: boolean;
};

/** A skill the user may also have: `roles` shared with their skills, or `similarTo` one of them. */
export type SkillSuggestion = { skillId: string; label: string; roles: number; similarTo?: string };

export type MatchRolesResult =
  | { status: "ok"; roles: RoleMatch[] }
  | { status: "too_few_skills"; minimum: number; suggestions: SkillSuggestion[] }
  | { status: "restricted" };
