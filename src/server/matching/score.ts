// The documented score. No `import "server-only"`: the CLI and the evaluation use it too.
import type { MatchExplanation, UserSkillInput } from "./types";

/** Essential skills weigh twice as much as optional ones. */
export const ESSENTIAL_WEIGHT = 2;
export const OPTIONAL_WEIGHT = 1;
/** F-beta's beta: below 1 weighs "the role explains your skills" above "you cover the role". */
export const F_BETA = 0.5;

/** The key of a user skill: its concept, else its custom label ignoring case (as dedupeSkills). */
export function userSkillKey(skill: UserSkillInput): string {
  return skill.conceptId !== undefined ? `c:${skill.conceptId}` : `l:${skill.customLabel.trim().toLowerCase()}`;
}

/**
 * score = round(100 * (1 + β²) · P · R / (β² · P + R)),  β = 0.5   (0 when P or R is 0)
 *
 * R, how much of the role you cover:
 *   R = (2 * Σ strength(matchedEssential) + Σ strength(matchedOptional)) / (2 * |E| + |O|)
 *   where |E| = |matchedEssential| + |missingEssential|  (all essential skills of the role)
 *         |O| = |matchedOptional| + |missingOptional|    (all optional skills of the role)
 * P, how much of your profile the role uses:
 *   P = min(1, Σ over the distinct user skills named in `by` of their best strength / userSkillCount)
 *
 * strength is 1 for the very skill, the cosine similarity (capped at 0.95) for a near one above
 * the threshold, and a skill below the threshold is "missing". A role without skills scores 0.
 * The score depends on nothing but these four lists and userSkillCount, so anyone can check it
 * from the explanation. Without P a big role matched by all your skills ranked below a small role
 * sharing two common ones.
 */
export function scoreFromExplanation(e: MatchExplanation): number {
  const essential = e.matchedEssential.length + e.missingEssential.length;
  const optional = e.matchedOptional.length + e.missingOptional.length;
  const denominator = ESSENTIAL_WEIGHT * essential + OPTIONAL_WEIGHT * optional;
  if (denominator === 0 || e.userSkillCount <= 0) return 0;
  const sum = (items: { strength: number }[]) => items.reduce((total, item) => total + item.strength, 0);
  const recall = (ESSENTIAL_WEIGHT * sum(e.matchedEssential) + OPTIONAL_WEIGHT * sum(e.matchedOptional)) / denominator;
  const best = new Map<string, number>();
  for (const m of [...e.matchedEssential, ...e.matchedOptional]) {
    const key = userSkillKey(m.by.userSkill);
    best.set(key, Math.max(best.get(key) ?? 0, m.strength));
  }
  const precision = Math.min(1, [...best.values()].reduce((total, s) => total + s, 0) / e.userSkillCount);
  return Math.round(100 * fBeta(precision, recall));
}

/** (1 + β²) · P · R / (β² · P + R); 0 when both are 0. The SQL pre-filter ranks by the same formula. */
export function fBeta(precision: number, recall: number): number {
  const b2 = F_BETA * F_BETA;
  const den = b2 * precision + recall;
  return den === 0 ? 0 : ((1 + b2) * precision * recall) / den;
}
