// /matches' view model: one read of the profile, and two suggestion lists that differ and stay
// related to the profile.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { matchesView } from "@/server/matching/matches-view";
import { addSkillToProfile } from "@/server/matching/profile-skills";
import { createTestDb, type TestDb } from "@tests/helpers/db";
import { createUser, fakeEmbedder, seedMatchingTaxonomy, type Fixture } from "./matching-fixtures";

let t: TestDb;
let f: Fixture;

beforeAll(async () => {
  t = await createTestDb();
  f = await seedMatchingTaxonomy(t.db);
});
afterAll(async () => t.close());

describe("matchesView", () => {
  test("with two skills: 'many roles ask for' and 'you may also have' differ, and offer nothing unrelated", async () => {
    const user = await createUser(t.db, "two-skills@example.test");
    await addSkillToProfile(t.db, { userId: user, conceptId: f.skill.typescript });
    await addSkillToProfile(t.db, { userId: user, conceptId: f.skill.html });
    const view = await matchesView(t.db, { userId: user, lang: "en", embedder: fakeEmbedder(), restricted: false, limit: 10 });
    if (view.status === "restricted") throw new Error("restricted");
    expect(view.status).toBe("too_few_skills");
    expect(view.demanded.length).toBeGreaterThan(0);
    const demanded = new Set(view.demanded.map((s) => s.skillId));
    expect(view.suggestions.some((s) => demanded.has(s.skillId))).toBe(false);
    const unrelated = new Set([f.skill.welding, f.skill.nursing, f.skill["first-aid"]]);
    for (const s of [...view.demanded, ...view.suggestions]) expect(unrelated.has(s.skillId)).toBe(false);
    for (const s of [...view.demanded, ...view.suggestions]) expect([f.skill.typescript, f.skill.html]).not.toContain(s.skillId);
  });

  test("with enough skills: ranked roles whose percentages match their explanations, and the gap plan from the same coverage", async () => {
    const user = await createUser(t.db, "three-skills@example.test");
    for (const id of [f.skill.sql, f.skill.python, f.skill.git]) await addSkillToProfile(t.db, { userId: user, conceptId: id });
    const view = await matchesView(t.db, { userId: user, lang: "en", embedder: fakeEmbedder(), restricted: false, limit: 10 });
    if (view.status === "restricted") throw new Error("restricted");
    expect(view.status).toBe("ok");
    expect(view.roles[0]?.roleId).toBe(f.role.backend);
    expect(view.plan).toEqual({ status: "no_targets" });
    expect(await matchesView(t.db, { userId: user, lang: "en", embedder: fakeEmbedder(), restricted: true, limit: 10 })).toEqual({ status: "restricted" });
  });
});
