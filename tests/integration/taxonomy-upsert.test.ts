import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { eq, sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "@tests/helpers/db";
import { conceptLabels, concepts, roleSkills } from "@/server/db/schema/taxonomy";
import { userSkills } from "@/server/db/schema/profile";
import { users } from "@/server/db/schema/users";
import { normalizeLabel } from "@/server/taxonomy/normalize";
import { upsertTaxonomy, type RoleSkillLink, type TaxonomyConcept } from "@/server/taxonomy/upsert";

const skill = (slug: string, en: string, nb: string, alt: string[] = []): TaxonomyConcept => ({
  uri: `evne:skill/${slug}`,
  kind: "skill",
  skillType: "skill/competence",
  descriptions: { en: `${en} description` },
  labels: [
    { lang: "en", labelKind: "preferred", label: en },
    { lang: "nb", labelKind: "preferred", label: nb },
    ...alt.map((label) => ({ lang: "en", labelKind: "alt" as const, label })),
  ],
});

const role: TaxonomyConcept = {
  uri: "evne:role/developer",
  kind: "role",
  iscoCode: "2512",
  descriptions: { en: "Writes software", nb: "Skriver programvare" },
  labels: [
    { lang: "en", labelKind: "preferred", label: "Software developer" },
    { lang: "nb", labelKind: "preferred", label: "Systemutvikler" },
  ],
};

const base = [skill("ts", "TypeScript", "TypeScript", ["TS", "ts "]), skill("sql", "SQL", "SQL"), skill("plan", "Planning", "Planlegging"), role];
const links: RoleSkillLink[] = [
  { roleUri: role.uri, skillUri: "evne:skill/ts", relation: "essential" },
  { roleUri: role.uri, skillUri: "evne:skill/sql", relation: "optional" },
  { roleUri: role.uri, skillUri: "evne:skill/sql", relation: "essential" },
  { roleUri: role.uri, skillUri: "evne:skill/unknown", relation: "optional" },
];

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.close();
});

describe("normalizeLabel", () => {
  test("lower-cases, trims and folds whitespace, keeping æøå", () => {
    expect(normalizeLabel("  Bære   Øl\tÅ ")).toBe("bære øl å");
    expect(normalizeLabel("A\u030A")).toBe("å");
  });
});

describe("upsertTaxonomy", () => {
  test("inserts concepts, de-duplicated labels and links; a re-run changes nothing", async () => {
    const first = await upsertTaxonomy(t.db, { source: "starter", concepts: base, links, removeMissing: true });
    expect(first).toEqual({ added: 4, updated: 0, removed: 0, kept: 0, links: 2, skippedLinks: 1, skillRelations: 0 });

    const labels = await t.db
      .select({ label: conceptLabels.label, normalized: conceptLabels.normalized, labelKind: conceptLabels.labelKind, lang: conceptLabels.lang })
      .from(conceptLabels)
      .innerJoin(concepts, eq(concepts.id, conceptLabels.conceptId))
      .where(eq(concepts.uri, "evne:skill/ts"));
    // "ts " folds into "TS"; nb and en keep one preferred label each.
    expect(labels.map((l) => `${l.lang}:${l.labelKind}:${l.normalized}`).sort()).toEqual(["en:alt:ts", "en:preferred:typescript", "nb:preferred:typescript"]);

    const link = await t.db.select({ relation: roleSkills.relation }).from(roleSkills);
    expect(link.map((l) => l.relation).sort()).toEqual(["essential", "essential"]);

    const again = await upsertTaxonomy(t.db, { source: "starter", concepts: base, links, removeMissing: true });
    expect(again).toMatchObject({ added: 0, updated: 0, removed: 0, links: 2 });
  });

  test("counts a changed concept as updated and replaces its labels", async () => {
    await upsertTaxonomy(t.db, { source: "starter", concepts: base, links: [], removeMissing: false });
    const changed = [skill("ts", "TypeScript", "TypeScript-språket"), ...base.slice(1)];
    const result = await upsertTaxonomy(t.db, { source: "starter", concepts: changed, links: [], removeMissing: false });
    expect(result).toMatchObject({ added: 0, updated: 1 });
    const nb = await t.db
      .select({ label: conceptLabels.label })
      .from(conceptLabels)
      .innerJoin(concepts, eq(concepts.id, conceptLabels.conceptId))
      .where(sql`${concepts.uri} = 'evne:skill/ts' and ${conceptLabels.lang} = 'nb'`);
    expect(nb).toEqual([{ label: "TypeScript-språket" }]);
  });

  test("removeMissing removes concepts of the same source but keeps those a user has", async () => {
    await upsertTaxonomy(t.db, { source: "starter", concepts: base, links, removeMissing: true });
    await upsertTaxonomy(t.db, { source: "esco", concepts: [skill("esco-only", "Welding", "Sveising")], links: [], removeMissing: true });
    const [user] = await t.db.insert(users).values({ email: "a@example.com", displayName: "A" }).returning({ id: users.id });
    const [sqlConcept] = await t.db.select({ id: concepts.id }).from(concepts).where(eq(concepts.uri, "evne:skill/sql"));
    if (!user || !sqlConcept) throw new Error("setup failed");
    await t.db.insert(userSkills).values({ userId: user.id, conceptId: sqlConcept.id });

    const result = await upsertTaxonomy(t.db, { source: "starter", concepts: [base[0] as TaxonomyConcept], links: [], removeMissing: true });
    expect(result).toMatchObject({ added: 0, updated: 0, removed: 2, kept: 1 });
    const uris = (await t.db.select({ uri: concepts.uri }).from(concepts)).map((c) => c.uri).sort();
    expect(uris).toEqual(["evne:skill/esco-only", "evne:skill/sql", "evne:skill/ts"]);
  });

  test("a failure part-way leaves the previous taxonomy untouched", async () => {
    await upsertTaxonomy(t.db, { source: "starter", concepts: base, links, removeMissing: true });
    const before = await t.db.select({ n: sql<number>`count(*)::int` }).from(conceptLabels);
    async function* failing() {
      yield skill("ts", "Changed", "Endret");
      yield skill("new", "New", "Ny");
      throw new Error("disk on fire");
    }
    await expect(upsertTaxonomy(t.db, { source: "starter", concepts: failing(), links: [], removeMissing: true })).rejects.toThrow("disk on fire");
    const after = await t.db.select({ n: sql<number>`count(*)::int` }).from(conceptLabels);
    expect(after).toEqual(before);
    const again = await upsertTaxonomy(t.db, { source: "starter", concepts: base, links, removeMissing: true });
    expect(again).toMatchObject({ added: 0, updated: 0, removed: 0 });
  });

  test("replaces a role's links: changed relations, dropped and new skills", async () => {
    await upsertTaxonomy(t.db, { source: "starter", concepts: base, links, removeMissing: true });
    const next: RoleSkillLink[] = [
      { roleUri: role.uri, skillUri: "evne:skill/ts", relation: "optional" },
      { roleUri: role.uri, skillUri: "evne:skill/plan", relation: "essential" },
    ];
    const result = await upsertTaxonomy(t.db, { source: "starter", concepts: base, links: next, removeMissing: true });
    expect(result).toMatchObject({ updated: 0, links: 2, skippedLinks: 0 });
    const rows = await t.db
      .select({ uri: concepts.uri, relation: roleSkills.relation })
      .from(roleSkills)
      .innerJoin(concepts, eq(concepts.id, roleSkills.skillId));
    expect(rows.sort((a, b) => a.uri.localeCompare(b.uri))).toEqual([
      { uri: "evne:skill/plan", relation: "essential" },
      { uri: "evne:skill/ts", relation: "optional" },
    ]);
  });

  test("rejects a URI listed twice", async () => {
    await expect(upsertTaxonomy(t.db, { source: "starter", concepts: [role, role], links: [], removeMissing: false })).rejects.toThrow(/twice/);
  });
});
