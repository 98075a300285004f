import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows } from "@/server/db/rows";
import { seedStarterTaxonomy } from "@/server/seed/starter-taxonomy";
import { starterRoles, starterSkills, toTaxonomyConcepts } from "@/server/taxonomy/starter";
import { upsertTaxonomy } from "@/server/taxonomy/upsert";
import { createTestDb, type TestDb } from "@tests/helpers/db";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.close();
});

async function counts() {
  const [row] = await queryRows<{ skills: number; roles: number; labels: number; links: number; essential: number; updated: string | null }>(
    t.db,
    sql`select
      (select count(*)::int from concepts where source = 'starter' and kind = 'skill') as skills,
      (select count(*)::int from concepts where source = 'starter' and kind = 'role') as roles,
      (select count(*)::int from concept_labels) as labels,
      (select count(*)::int from role_skills) as links,
      (select count(*)::int from role_skills where relation = 'essential') as essential,
      (select max(updated_at)::text from concepts) as updated`,
  );
  return row;
}

const expectedLinks = starterRoles.reduce((n, r) => n + r.essential.length + (r.optional ?? []).length, 0);
const expectedEssential = starterRoles.reduce((n, r) => n + r.essential.length, 0);

describe("seedStarterTaxonomy", () => {
  test("loads every skill, role, label and link into an empty database, and a second run changes nothing", async () => {
    const first = await seedStarterTaxonomy(t.db);
    expect(first.status).toBe("upserted");
    if (first.status !== "upserted") return;
    expect(first.result).toMatchObject({ added: starterSkills.length + starterRoles.length, updated: 0, removed: 0, links: expectedLinks, skippedLinks: 0 });

    const afterFirst = await counts();
    const expectedLabels = toTaxonomyConcepts().concepts.reduce((n, c) => n + c.labels.length, 0);
    expect(afterFirst).toMatchObject({
      skills: starterSkills.length,
      roles: starterRoles.length,
      labels: expectedLabels,
      links: expectedLinks,
      essential: expectedEssential,
    });

    const second = await seedStarterTaxonomy(t.db);
    expect(second).toEqual({ status: "unchanged" });
    expect(await counts()).toEqual(afterFirst);
  });

  test("a nurse's labels and essential skills are stored in both languages", async () => {
    await seedStarterTaxonomy(t.db);
    const labels = await queryRows<{ lang: string; label_kind: string; label: string }>(
      t.db,
      sql`select l.lang, l.label_kind, l.label from concept_labels l join concepts c on c.id = l.concept_id
          where c.uri = 'evne:role/registered-nurse' and l.label_kind = 'preferred' order by l.lang`,
    );
    expect(labels).toEqual([
      { lang: "en", label_kind: "preferred", label: "Registered nurse" },
      { lang: "nb", label_kind: "preferred", label: "Sykepleier" },
    ]);
    const skills = await queryRows<{ uri: string }>(
      t.db,
      sql`select s.uri from role_skills rs join concepts r on r.id = rs.role_id join concepts s on s.id = rs.skill_id
          where r.uri = 'evne:role/registered-nurse' and rs.relation = 'essential'`,
    );
    expect(skills.map((s) => s.uri)).toContain("evne:skill/nursing");
  });

  test("repairs an outdated starter taxonomy: a lost synonym, a changed link and a stale concept", async () => {
    await seedStarterTaxonomy(t.db);
    const expected = await counts();
    await t.db.execute(sql`delete from concept_labels where label = 'k8s'`);
    await t.db.execute(sql`update role_skills set relation = 'optional' where relation = 'essential' and role_id =
      (select id from concepts where uri = 'evne:role/software-developer') and skill_id = (select id from concepts where uri = 'evne:skill/git')`);
    await upsertTaxonomy(t.db, {
      source: "starter",
      removeMissing: false,
      links: [],
      concepts: [{ uri: "evne:skill/retired-skill", kind: "skill", skillType: "knowledge", descriptions: {}, labels: [{ lang: "en", labelKind: "preferred", label: "Retired" }] }],
    });

    const repair = await seedStarterTaxonomy(t.db);
    expect(repair.status).toBe("upserted");
    if (repair.status !== "upserted") return;
    expect(repair.result).toMatchObject({ added: 0, updated: 1, removed: 1 });
    const after = await counts();
    expect({ ...after, updated: null }).toEqual({ ...expected, updated: null });
    const [relation] = await queryRows<{ relation: string }>(
      t.db,
      sql`select rs.relation from role_skills rs where rs.role_id = (select id from concepts where uri = 'evne:role/software-developer')
          and rs.skill_id = (select id from concepts where uri = 'evne:skill/git')`,
    );
    expect(relation?.relation).toBe("essential");
    expect(await seedStarterTaxonomy(t.db)).toEqual({ status: "unchanged" });
  });

  test("leaves a database that holds only an ESCO import alone", async () => {
    await upsertTaxonomy(t.db, {
      source: "esco",
      removeMissing: false,
      links: [],
      concepts: [{ uri: "http://data.europa.eu/esco/skill/x", kind: "skill", descriptions: {}, labels: [{ lang: "en", labelKind: "preferred", label: "X" }] }],
    });
    expect(await seedStarterTaxonomy(t.db)).toEqual({ status: "skipped-esco" });
    expect((await counts())?.skills).toBe(0);
  });
});
