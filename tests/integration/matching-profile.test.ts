import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { queryRows } from "@/server/db/rows";
import { gapPlan } from "@/server/matching/gap";
import { addSkillToProfile, dismissSuggestion, loadUserSkills } from "@/server/matching/profile-skills";
import { skillsYouMayHave } from "@/server/matching/suggestions";
import { createTestDb, type TestDb } from "@tests/helpers/db";
import { createUser, fakeEmbedder, seedMatchingTaxonomy, type Fixture } from "./matching-fixtures";

let t: TestDb;
let f: Fixture;

beforeAll(async () => {
  t = await createTestDb();
  f = await seedMatchingTaxonomy(t.db);
});
afterAll(async () => t.close());

async function addTarget(userId: string, roleId: string) {
  await t.db.execute(sql`insert into user_roles (user_id, kind, concept_id) values (${userId}, 'target', ${roleId})`);
}

describe("gap plan", () => {
  test("missing essential skills first, those needed by more target roles first, then optional ones", async () => {
    const user = await createUser(t.db, "gap@example.test");
    await addSkillToProfile(t.db, { userId: user, conceptId: f.skill.typescript });
    await addTarget(user, f.role.frontend);
    await addTarget(user, f.role.backend);
    const plan = await gapPlan(t.db, { userId: user, lang: "en", embedder: fakeEmbedder() });
    if (plan.status !== "ok") throw new Error(plan.status);
    const backend = plan.roles.find((r) => r.roleId === f.role.backend);
    // Git is essential for backend and optional for frontend: needed by 1 role as essential.
    expect(backend?.missing.map((s) => [s.label, s.essential, s.neededBy])).toEqual([
      ["Git", true, 1],
      ["Python", true, 1],
      ["SQL", true, 1],
      ["software testing", false, 2],
    ]);
    const frontend = plan.roles.find((r) => r.roleId === f.role.frontend);
    expect(frontend?.missing.map((s) => s.label)).toEqual(["CSS", "HTML", "JavaScript framework", "software testing", "Git"]);
    // Optional testing is needed by both targets, so it sorts before Git (needed by one as optional).
    expect(frontend?.missing.at(3)?.neededBy).toBe(2);
  });

  test("'I have this now' adds the skill once, only to the asking user's profile", async () => {
    const a = await createUser(t.db, "a@example.test");
    const b = await createUser(t.db, "b@example.test");
    await addTarget(a, f.role.welder);
    expect(await addSkillToProfile(t.db, { userId: a, conceptId: f.skill.welding })).toEqual({ added: true });
    expect(await addSkillToProfile(t.db, { userId: a, conceptId: f.skill.welding })).toEqual({ added: false });
    expect(await loadUserSkills(t.db, { userId: a })).toEqual([{ conceptId: f.skill.welding, level: null }]);
    expect(await loadUserSkills(t.db, { userId: b })).toEqual([]);
    const plan = await gapPlan(t.db, { userId: a, lang: "nb", embedder: fakeEmbedder() });
    if (plan.status !== "ok") throw new Error(plan.status);
    expect(plan.roles[0]?.missing.map((s) => s.label)).toEqual(["førstehjelp"]);
    // A role is not a skill: it cannot be "had".
    await expect(addSkillToProfile(t.db, { userId: a, conceptId: f.role.nurse })).rejects.toThrow("No such skill");
  });

  test("no targets and restricted users are told so", async () => {
    const user = await createUser(t.db, "none@example.test");
    expect(await gapPlan(t.db, { userId: user, lang: "en", embedder: fakeEmbedder() })).toEqual({ status: "no_targets" });
    expect(await gapPlan(t.db, { userId: user, lang: "en", embedder: fakeEmbedder(), restricted: true })).toEqual({ status: "restricted" });
  });
});

describe("skills you may also have", () => {
  test("suggests co-occurring and near skills, and a dismissed one never comes back", async () => {
    const user = await createUser(t.db, "sugg@example.test");
    await addSkillToProfile(t.db, { userId: user, conceptId: f.skill.sql });
    await t.db.execute(sql`insert into user_skills (user_id, custom_label) values (${user}, 'Vue')`);
    const first = await skillsYouMayHave(t.db, { userId: user, lang: "en", embedder: fakeEmbedder(), limit: 10 });
    const labels = first.map((s) => s.label);
    expect(labels).toEqual(expect.arrayContaining(["JavaScript framework", "Python", "Git"]));
    expect(first.find((s) => s.label === "JavaScript framework")?.similarTo).toBe("Vue");
    expect(labels).not.toContain("SQL");
    expect(labels).not.toContain("welding");

    await dismissSuggestion(t.db, { userId: user, conceptId: f.skill.python });
    await dismissSuggestion(t.db, { userId: user, conceptId: f.skill.python });
    const again = await skillsYouMayHave(t.db, { userId: user, lang: "en", embedder: fakeEmbedder(), limit: 10 });
    expect(again.map((s) => s.label)).not.toContain("Python");
    expect(again.map((s) => s.label)).toContain("Git");
    const stored = await queryRows(t.db, sql`select 1 from dismissed_suggestions where user_id = ${user}`);
    expect(stored).toHaveLength(1);

    // Another user's suggestions are not affected by this user's dismissal.
    const other = await createUser(t.db, "sugg2@example.test");
    await addSkillToProfile(t.db, { userId: other, conceptId: f.skill.sql });
    const theirs = await skillsYouMayHave(t.db, { userId: other, lang: "en", embedder: fakeEmbedder(), limit: 10 });
    expect(theirs.map((s) => s.label)).toContain("Python");
  });

  test("restricted users get no suggestions", async () => {
    const user = await createUser(t.db, "sugg3@example.test");
    await addSkillToProfile(t.db, { userId: user, conceptId: f.skill.sql });
    expect(await skillsYouMayHave(t.db, { userId: user, lang: "en", embedder: fakeEmbedder(), limit: 10, restricted: true })).toEqual([]);
  });
});
