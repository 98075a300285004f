import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { matchRoles } from "@/server/matching/match";
import { scoreFromExplanation } from "@/server/matching/score";
import type { RoleMatch } from "@/server/matching/types";
import { createTestDb, type TestDb } from "@tests/helpers/db";
import { fakeEmbedder, seedMatchingTaxonomy, type Fixture } from "./matching-fixtures";

let t: TestDb;
let f: Fixture;

beforeAll(async () => {
  t = await createTestDb();
  f = await seedMatchingTaxonomy(t.db);
});
afterAll(async () => t.close());

/** The documented score: the weighted share of the role's skills the user has, in percent. */
function pct(coverage: number): number {
  return Math.round(100 * coverage);
}

function roleOf(roles: RoleMatch[], id: string): RoleMatch {
  const role = roles.find((r) => r.roleId === id);
  if (!role) throw new Error(`role ${id} not in results: ${roles.map((r) => r.label).join(", ")}`);
  return role;
}

describe("matchRoles", () => {
  test("every score is recomputed exactly from its explanation, and the best fit comes first", async () => {
    const result = await matchRoles(t.db, {
      skills: [{ conceptId: f.skill.typescript }, { conceptId: f.skill.html }, { conceptId: f.skill.css }, { conceptId: f.skill.git }],
      lang: "en",
      limit: 10,
      embedder: fakeEmbedder(),
    });
    if (result.status !== "ok") throw new Error(result.status);
    expect(result.roles[0]?.label).toBe("frontend developer");
    for (const role of result.roles) {
      expect(role.score).toBe(scoreFromExplanation(role));
      expect(role.score).toBeGreaterThanOrEqual(0);
      expect(role.score).toBeLessThanOrEqual(100);
    }
    const frontend = roleOf(result.roles, f.role.frontend);
    // essential: TS, HTML, CSS matched (3 x 2), framework missing; optional: git matched, testing missing.
    // All 4 of the user's skills are used by the role: precision 1.
    expect(frontend.userSkillCount).toBe(4);
    expect(frontend.score).toBe(pct((3 * 2 + 1) / (4 * 2 + 2)));
    expect(frontend.missingEssential.map((s) => s.label)).toEqual(["JavaScript framework"]);
    expect(frontend.matchedOptional.map((s) => [s.label, s.strength])).toEqual([["Git", 1]]);
    // Roles sharing none of the skills are not listed at all.
    expect(result.roles.some((r) => r.roleId === f.role.welder)).toBe(false);
  });

  test("a custom near-synonym earns partial credit for the taxonomy skill, with its label in the explanation", async () => {
    const embedder = fakeEmbedder();
    const result = await matchRoles(t.db, {
      skills: [{ customLabel: "React.js" }, { conceptId: f.skill.typescript }, { conceptId: f.skill.html }],
      lang: "en",
      limit: 5,
      embedder,
    });
    if (result.status !== "ok") throw new Error(result.status);
    const frontend = roleOf(result.roles, f.role.frontend);
    const framework = frontend.matchedEssential.find((m) => m.skillId === f.skill["js-framework"]);
    expect(framework?.by.label).toBe("React.js");
    expect(framework?.by.userSkill).toEqual({ customLabel: "React.js" });
    expect(framework?.strength).toBeCloseTo(0.8, 2);
    // Coverage: 3 essential matched (1 + 1 + 0.8) x 2 of 2 x 4 essential + 2 optional.
    expect(frontend.score).toBe(pct((2 * (1 + 1 + 0.8)) / 10));
    expect(frontend.score).toBe(scoreFromExplanation(frontend));
    // Only the custom label went to the embedder: taxonomy skills use their stored vectors.
    expect(embedder.calls).toEqual([["React.js"]]);
  });

  test("a custom label unlike any skill gives no credit", async () => {
    const result = await matchRoles(t.db, {
      skills: [{ customLabel: "Origami" }, { conceptId: f.skill.welding }, { conceptId: f.skill["first-aid"] }],
      lang: "nb",
      limit: 5,
      embedder: fakeEmbedder(),
    });
    if (result.status !== "ok") throw new Error(result.status);
    expect(result.roles[0]?.label).toBe("sveiser");
    // The role is fully covered; Origami earns nothing and takes nothing away.
    expect(result.roles[0]?.score).toBe(100);
    for (const role of result.roles) expect(role.matchedEssential.concat(role.matchedOptional).some((m) => m.by.label === "Origami")).toBe(false);
  });

  test("fewer than three skills: no score, suggestions instead", async () => {
    const result = await matchRoles(t.db, {
      skills: [{ conceptId: f.skill.sql }, { conceptId: f.skill.sql }, { customLabel: "sql " }],
      lang: "en",
      limit: 5,
      embedder: fakeEmbedder(),
    });
    expect(result.status).toBe("too_few_skills");
    if (result.status !== "too_few_skills") return;
    expect(result.suggestions.map((s) => s.label)).toEqual(expect.arrayContaining(["Python", "Git"]));
    expect(result.suggestions.some((s) => s.skillId === f.skill.sql)).toBe(false);
    expect(JSON.stringify(result)).not.toContain("score");
  });

  test("restricted users get no matching at all", async () => {
    const embedder = fakeEmbedder();
    const result = await matchRoles(t.db, {
      skills: [{ conceptId: f.skill.sql }, { conceptId: f.skill.python }, { conceptId: f.skill.git }],
      lang: "en",
      limit: 5,
      embedder,
      restricted: true,
    });
    expect(result).toEqual({ status: "restricted" });
    expect(embedder.calls).toEqual([]);
  });
});
