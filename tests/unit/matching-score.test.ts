import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { RoleMatchCard } from "@/components/matching/role-match-card";
import { formatterFor } from "@/i18n/format";
import { messagesFor } from "@/i18n/messages";
import { fBeta, precision, rankKey, scoreFromExplanation } from "@/server/matching/score";
import type { MatchExplanation, RoleMatch, SkillMatch, SkillRef } from "@/server/matching/types";

const matched = (n: number, by: (i: number) => string, strength = 1, prefix = "m"): SkillMatch[] =>
  Array.from({ length: n }, (_, i) => ({ skillId: `${prefix}${i}`, label: `${prefix}${i}`, by: { label: by(i), userSkill: { customLabel: by(i) } }, strength }));
const missing = (n: number, prefix = "x"): SkillRef[] => Array.from({ length: n }, (_, i) => ({ skillId: `${prefix}${i}`, label: `${prefix}${i}` }));

function explanation(p: Partial<MatchExplanation> & { userSkillCount: number }): MatchExplanation {
  return { matchedEssential: [], matchedOptional: [], missingEssential: [], missingOptional: [], ...p };
}

describe("scoreFromExplanation", () => {
  test("is the weighted share of the role's skills you have: essentials count double, near skills partly", () => {
    const e = explanation({
      matchedEssential: matched(2, () => "shared", 0.9),
      matchedOptional: matched(1, () => "other", 1, "o"),
      missingEssential: missing(1),
      missingOptional: missing(1, "y"),
      userSkillCount: 4,
    });
    expect(scoreFromExplanation(e)).toBe(Math.round((100 * (2 * (0.9 + 0.9) + 1)) / (2 * 3 + 2)));
  });

  test("never falls when a true skill is added, however many skills the profile has", () => {
    const before = explanation({ matchedEssential: matched(4, (i) => `s${i}`), missingEssential: missing(4), missingOptional: missing(6), userSkillCount: 3 });
    // Three more true skills on the profile, one of them used by this role.
    const after = explanation({
      matchedEssential: matched(4, (i) => `s${i}`),
      matchedOptional: matched(1, () => "Docker", 1, "o"),
      missingEssential: missing(4),
      missingOptional: missing(5, "y"),
      userSkillCount: 6,
    });
    expect(scoreFromExplanation(after)).toBeGreaterThanOrEqual(scoreFromExplanation(before));
    // An 8-skill user with the same matches as a 3-skill user sees the same percentage.
    expect(scoreFromExplanation({ ...before, userSkillCount: 8 })).toBe(scoreFromExplanation(before));
  });

  test("full coverage is 100; nothing matched or an empty role is 0", () => {
    expect(scoreFromExplanation(explanation({ matchedEssential: matched(3, (i) => `s${i}`), userSkillCount: 9 }))).toBe(100);
    expect(scoreFromExplanation(explanation({ missingEssential: missing(3), userSkillCount: 3 }))).toBe(0);
    expect(scoreFromExplanation(explanation({ userSkillCount: 3 }))).toBe(0);
    expect(fBeta(0, 0)).toBe(0);
  });
});

describe("rankKey (order only)", () => {
  test("a big role using all four of your skills is listed before a small role sharing two of them", () => {
    const big = explanation({ matchedEssential: matched(4, (i) => `s${i}`), missingEssential: missing(11), missingOptional: missing(15, "y"), userSkillCount: 4 });
    const small = explanation({ matchedEssential: matched(2, (i) => `s${i}`), missingEssential: missing(2), userSkillCount: 4 });
    expect(rankKey(big)).toBeGreaterThan(rankKey(small));
    // The percentages stay what they are: the small role is the larger share.
    expect(scoreFromExplanation(small)).toBeGreaterThan(scoreFromExplanation(big));
    expect(precision(big)).toBe(1);
    expect(precision(small)).toBe(0.5);
  });
});

describe("the worked example under “Why N %?”", () => {
  const role: RoleMatch = {
    roleId: "r",
    uri: "evne:role/r",
    label: "Developer",
    score: 0,
    ...explanation({
      matchedEssential: [...matched(3, (i) => `s${i}`), ...matched(1, () => "React.js", 0.83, "n")],
      matchedOptional: matched(2, (i) => `o${i}`, 1, "o"),
      missingEssential: missing(4),
      missingOptional: missing(4, "y"),
      userSkillCount: 7,
    }),
  };
  role.score = scoreFromExplanation(role);

  test.each(["nb", "en"] as const)("computes exactly the number shown (%s)", (lang) => {
    const html = renderToStaticMarkup(createElement(RoleMatchCard, { role, t: messagesFor(lang).matching, format: formatterFor(lang) }));
    const text = html.replace(/<[^>]+>/g, " ").replace(/&nbsp;/g, " ");
    const shown = Number(/(\d+)\s?%/.exec(text)?.[1]);
    const figures = /\(2 × ([\d.]+) \+ ([\d.]+)\) \/ \(2 × (\d+) \+ (\d+)\) = (\d+)\s?%/.exec(text);
    if (!figures) throw new Error(`no worked example in: ${text}`);
    const [essential, optional, essentialTotal, optionalTotal, result] = figures.slice(1).map(Number) as [number, number, number, number, number];
    expect(Math.round((100 * (2 * essential + optional)) / (2 * essentialTotal + optionalTotal))).toBe(result);
    expect(result).toBe(shown);
    expect(result).toBe(role.score);
    expect(text).toContain(lang === "nb" ? `Hvorfor ${shown} %?` : `Why ${shown}%?`);
  });
});
