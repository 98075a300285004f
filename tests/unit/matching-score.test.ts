import { describe, expect, test } from "vitest";
import { fBeta, scoreFromExplanation } from "@/server/matching/score";
import type { MatchExplanation, SkillMatch, SkillRef } from "@/server/matching/types";

const matched = (n: number, by: (i: number) => string, strength = 1): SkillMatch[] =>
  Array.from({ length: n }, (_, i) => ({ skillId: `m${i}`, label: `m${i}`, by: { label: by(i), userSkill: { customLabel: by(i) } }, strength }));
const missing = (n: number): SkillRef[] => Array.from({ length: n }, (_, i) => ({ skillId: `x${i}`, label: `x${i}` }));

function explanation(p: Partial<MatchExplanation> & { userSkillCount: number }): MatchExplanation {
  return { matchedEssential: [], matchedOptional: [], missingEssential: [], missingOptional: [], ...p };
}

describe("scoreFromExplanation", () => {
  test("a big role using all four of your skills beats a small role sharing two of them", () => {
    const big = explanation({ matchedEssential: matched(4, (i) => `s${i}`), missingEssential: missing(11), missingOptional: missing(15), userSkillCount: 4 });
    const small = explanation({ matchedEssential: matched(2, (i) => `s${i}`), missingEssential: missing(2), userSkillCount: 4 });
    expect(scoreFromExplanation(big)).toBeGreaterThan(scoreFromExplanation(small));
  });

  test("is F0.5 of precision (best strength per distinct user skill over the user's skill count) and weighted coverage", () => {
    // One user skill covers two role skills: it counts once for precision, twice for coverage.
    const e = explanation({
      matchedEssential: matched(2, () => "shared", 0.9),
      matchedOptional: matched(1, () => "other"),
      missingEssential: missing(1),
      missingOptional: missing(1),
      userSkillCount: 4,
    });
    const recall = (2 * (0.9 + 0.9) + 1) / (2 * 3 + 2);
    const precision = (0.9 + 1) / 4;
    expect(scoreFromExplanation(e)).toBe(Math.round((100 * 1.25 * precision * recall) / (0.25 * precision + recall)));
  });

  test("full coverage with every skill used is 100; nothing matched, no skills or an empty role is 0", () => {
    expect(scoreFromExplanation(explanation({ matchedEssential: matched(3, (i) => `s${i}`), userSkillCount: 3 }))).toBe(100);
    expect(scoreFromExplanation(explanation({ missingEssential: missing(3), userSkillCount: 3 }))).toBe(0);
    expect(scoreFromExplanation(explanation({ userSkillCount: 3 }))).toBe(0);
    expect(scoreFromExplanation(explanation({ matchedEssential: matched(1, () => "a"), userSkillCount: 0 }))).toBe(0);
    expect(fBeta(0, 0)).toBe(0);
  });
});
