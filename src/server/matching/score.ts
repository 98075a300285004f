// The documented score, and the separate key roles are ordered by. No `import "server-only"`: the
// role cards, client components, show scoreFigures.
import type { MatchExplanation, SkillMatch, UserSkillInput } from "./types";

/** Essential skills weigh twice as much as optional ones. */
export const ESSENTIAL_WEIGHT = 2;
export const OPTIONAL_WEIGHT = 1;
/** F-beta's beta for ordering: below 1 weighs "the role uses your skills" above "you cover the role". */
export const F_BETA = 0.5;

/** The key of a user skill: its concept, else its custom label ignoring case (as dedupeSkills). */
export function userSkillKey(skill: UserSkillInput): string {
  return skill.conceptId !== undefined ? `c:${skill.conceptId}` : `l:${skill.customLabel.trim().toLowerCase()}`;
}

const sumStrength = (items: readonly SkillMatch[]) => items.reduce((total, item) => total + item.strength, 0);

/** The figures the shown percentage is computed from, as the explanation prints them. */
export function scoreFigures(e: MatchExplanation) {
  const round2 = (v: number) => Math.round(v * 100) / 100;
  return {
    essential: round2(sumStrength(e.matchedEssential)),
    optional: round2(sumStrength(e.matchedOptional)),
    essentialTotal: e.matchedEssential.length + e.missingEssential.length,
    optionalTotal: e.matchedOptional.length + e.missingOptional.length,
  };
}

/**
 * The percentage a person sees: the weighted share of the role's skills they have.
 *
 *   score = round(100 · (2 · Σ strength(matchedEssential) + Σ strength(matchedOptional)) / (2 · |E| + |O|))
 *   |E| = all essential skills of the role, |O| = all optional ones
 *
 * strength is 1 for the very skill and the cosine similarity (2 decimals, capped at 0.95) for a near
 * one above the threshold. Adding a true skill can only add to the numerator, so the score never
 * falls. A role without skills scores 0.
 */
export function scoreFromExplanation(e: MatchExplanation): number {
  return Math.round(100 * coverage(e));
}

/** The unrounded weighted coverage behind scoreFromExplanation. */
export function coverage(e: MatchExplanation): number {
  const f = scoreFigures(e);
  const denominator = ESSENTIAL_WEIGHT * f.essentialTotal + OPTIONAL_WEIGHT * f.optionalTotal;
  if (denominator === 0) return 0;
  return (ESSENTIAL_WEIGHT * f.essential + OPTIONAL_WEIGHT * f.optional) / denominator;
}

/**
 * How much of the user's profile the role uses: Σ over the distinct user skills named in `by` of
 * their best strength, over userSkillCount (at most 1). Orders the list; never shown as the score.
 */
export function precision(e: MatchExplanation): number {
  if (e.userSkillCount <= 0) return 0;
  const best = new Map<string, number>();
  for (const m of [...e.matchedEssential, ...e.matchedOptional]) {
    const key = userSkillKey(m.by.userSkill);
    best.set(key, Math.max(best.get(key) ?? 0, m.strength));
  }
  return Math.min(1, [...best.values()].reduce((total, s) => total + s, 0) / e.userSkillCount);
}

/**
 * The order of the list: F0.5 of precision and coverage. Without precision a small role sharing two
 * common skills would outrank a big role that uses all of yours. The SQL pre-filter ranks by the same key.
 */
export function rankKey(e: MatchExplanation): number {
  return fBeta(precision(e), coverage(e));
}

/** (1 + β²) · P · R / (β² · P + R); 0 when both are 0. */
export function fBeta(p: number, r: number): number {
  const b2 = F_BETA * F_BETA;
  const den = b2 * p + r;
  return den === 0 ? 0 : ((1 + b2) * p * r) / den;
}
