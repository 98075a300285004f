import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { conceptLabels, concepts, educations, experiences, experienceSkills, profileEvents, profiles, userRoles, userSkills } from "@/server/db/schema";
import { listSkills } from "@/server/profile/queries";
import { demoProfiles, seedDemoProfiles } from "@/server/seed/demo-profiles";
import { seedDemoUsers } from "@/server/seed/demo-users";
import { starterRoles, starterSkills } from "@/server/taxonomy/starter";
import { createTestDb, type TestDb } from "@tests/helpers/db";
import { bumpTaxonomyVersion } from "@/server/taxonomy/version";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.close();
});

async function insertConcept(uri: string, kind: "skill" | "role", label: string) {
  const [row] = await t.db.insert(concepts).values({ uri, kind, source: "starter" }).returning({ id: concepts.id });
  if (!row) throw new Error("no concept");
  await t.db.insert(conceptLabels).values({ conceptId: row.id, kind, lang: "nb", labelKind: "preferred", label, normalized: label.toLowerCase() });
  await bumpTaxonomyVersion(t.db);
  return row.id;
}

describe("demo profiles", () => {
  test("every slug they name exists in the starter taxonomy", () => {
    const skills = new Set(starterSkills.map((s) => s.slug));
    const roles = new Set(starterRoles.map((r) => r.slug));
    for (const p of demoProfiles) {
      for (const s of p.skills) if ("slug" in s) expect(skills, s.slug).toContain(s.slug);
      for (const slug of [...p.currentRoles, ...p.targetRoles, ...p.experiences.flatMap((e) => (e.roleSlug ? [e.roleSlug] : []))]) {
        expect(roles, slug).toContain(slug);
      }
    }
  });

  test("wait for the taxonomy, skip missing concepts, and run only once per user", async () => {
    const ids = await seedDemoUsers(t.db);
    expect(await seedDemoProfiles(t.db)).toEqual({ seeded: [] });

    const ts = await insertConcept("evne:skill/typescript", "skill", "TypeScript");
    await insertConcept("evne:skill/react", "skill", "React");
    const frontend = await insertConcept("evne:role/frontend-developer", "role", "Frontendutvikler");
    // A role URI under the skill prefix is not a skill.
    await insertConcept("evne:skill/nextjs", "role", "Not a skill");

    expect(await seedDemoProfiles(t.db)).toEqual({ seeded: ["kari@evne.local"] });
    const kari = ids["kari@evne.local"];
    const skills = await listSkills(t.db, { userId: kari, lang: "nb" });
    expect(skills.map((s) => s.label).toSorted()).toEqual(["React", "TypeScript", "Universell utforming i offentlige tjenester"]);
    expect(skills.find((s) => s.conceptId === ts)?.level).toBe(5);
    expect(await t.db.select({ kind: userRoles.kind, conceptId: userRoles.conceptId }).from(userRoles).where(eq(userRoles.userId, kari))).toEqual([
      { kind: "current", conceptId: frontend },
    ]);
    const exps = await t.db.select().from(experiences).where(eq(experiences.userId, kari));
    expect(exps).toHaveLength(2);
    expect(exps.find((e) => e.endDate === null)?.roleConceptId).toBe(frontend);
    // TypeScript, React and the custom skill; links to skills that were skipped are skipped too.
    expect(await t.db.select().from(experienceSkills)).toHaveLength(3);
    expect(await t.db.select().from(educations).where(eq(educations.userId, kari))).toHaveLength(1);
    const [contact] = await t.db.select().from(profiles).where(eq(profiles.userId, kari));
    expect(contact).toMatchObject({ phone: "+4791234567", city: "Bergen" });
    expect(await t.db.select().from(profileEvents)).toHaveLength(0);

    // Idempotent: a second start changes nothing, and the user's own edits survive.
    await t.db.delete(userSkills).where(eq(userSkills.conceptId, ts));
    expect(await seedDemoProfiles(t.db)).toEqual({ seeded: [] });
    expect(await listSkills(t.db, { userId: kari, lang: "nb" })).toHaveLength(2);
    expect(await t.db.select().from(experiences).where(eq(experiences.userId, kari))).toHaveLength(2);
  });
});
