// The documented score. No `import "server-only"`: the CLI and the evaluation use it too.
import type { MatchExplanation } from "./types";

/** Essential skills weigh twice as much as optional ones. */
export const ESSENTIAL_WEIGHT = 2;
export const OPTIONAL_WEIGHT = 1;

/**
 * score = round(100 * (2 * Σ strength(matchedEssential) + Σ strength(matchedOptional))
 *                   / (2 * |E| + |O|))
 *   where |E| = |matchedEssential| + |missingEssential|  (all essential skills of the role)
 *         |O| = |matchedOptional| + |missingOptional|    (all optional skills of the role)
 *
 * strength is 1 for the very skill, the cosine similarity (capped at 0.95) for a near one above
 * the threshold, and a skill below the threshold is "missing". A role without skills scores 0.
 * The score depends on nothing but these four lists, so anyone can check it from the explanation.
 */
export function scoreFromExplanation(e: MatchExplanation): number {
  const essential = e.matchedEssential.length + e.missingEssential.length;
  const optional = e.matchedOptional.length + e.missingOptional.length;
  const denominator = ESSENTIAL_WEIGHT * essential + OPTIONAL_WEIGHT * optional;
  if (denominator === 0) return 0;
  const sum = (items: { strength: number }[]) => items.reduce((total, item) => total + item.strength, 0);
  const numerator = ESSENTIAL_WEIGHT * sum(e.matchedEssential) + OPTIONAL_WEIGHT * sum(e.matchedOptional);
  return Math.round((100 * numerator) / denominator);
}
