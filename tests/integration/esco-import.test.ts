import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { and, eq } from "drizzle-orm";
import { createTestDb, type TestDb } from "@tests/helpers/db";
import { conceptLabels, concepts, roleSkills, skillRelations } from "@/server/db/schema/taxonomy";
import { importEsco } from "@/server/taxonomy/esco/import";

// Headers exactly as in the official ESCO v1.2 CSV download.
const skillHeader = "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,scopeNote,definition,inScheme,description";
const occupationHeader =
  "conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,regulatedProfessionNote,scopeNote,definition,inScheme,description,code";
const relationHeader = "occupationUri,relationType,skillType,skillUri";
const iscoHeader = "conceptType,conceptUri,code,preferredLabel,status,altLabels,inScheme,description";
const skillGroupHeader = "conceptType,conceptUri,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,scopeNote,inScheme,description,code";

const PROGRAMMING = "http://data.europa.eu/esco/skill/21d2f96d-35f7-4e3f-9745-c533d2dd6e97";
const WELDING = "http://data.europa.eu/esco/skill/0a1b2c3d-0000-4000-8000-000000000001";
const MINING = "urn:esco-label:41b6edda14663f61bbcb7997821652b0";
const DEVELOPER = "http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1";
const WELDER = "http://data.europa.eu/esco/occupation/0a1b2c3d-0000-4000-8000-0000000000aa";

/** RFC 4180: quote every cell that needs it, doubling quotes; newlines stay inside the quotes. */
function csv(header: string, rows: string[][]): string {
  const cell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [header, ...rows.map((r) => r.map(cell).join(","))].join("\n") + "\n";
}

const skill = (uri: string, type: string, preferred: string, alt: string[], description: string) => [
  "KnowledgeSkillCompetence", uri, type, "cross-sector", preferred, alt.join("\n"), "", "released", "", "", "", "", description,
];
const occupation = (uri: string, isco: string, preferred: string, alt: string[], description: string, code: string) => [
  "Occupation", uri, isco, preferred, alt.join("\n"), "", "released", "", "", "", "", "http://data.europa.eu/esco/concept-scheme/occupations", description, code,
];

type Files = Record<string, string>;
const baseFiles = (): Files => ({
  "skills_en.csv": csv(skillHeader, [
    skill(PROGRAMMING, "knowledge", "computer programming", ["OCaml", "Visual Basic", "computer programming"], "The techniques of software development."),
    skill(WELDING, "skill/competence", "weld metal parts", [], "Join metal parts."),
    // line 6: no preferred label, must be reported and skipped
    skill("http://data.europa.eu/esco/skill/broken", "knowledge", "  ", [], ""),
    skill(MINING, "knowledge", "data mining", [], ""),
  ]),
  "skills_no.csv": csv(skillHeader, [
    skill(PROGRAMMING, "knowledge", "dataprogrammering", ["programmering", "koding"], "Teknikker for programvareutvikling."),
    skill(WELDING, "skill/competence", "sveise metalldeler", [], ""),
  ]),
  "occupations_en.csv": csv(occupationHeader, [
    occupation(DEVELOPER, "2512", "software developer", ["programmer", "software engineer"], "Software developers implement software.", "2512.4"),
    occupation(WELDER, "7212", "welder", ["welding operative"], "", "7212.1"),
    // line 5 (the first row spans lines 2-3): an ISCO group ISCOGroups_en.csv does not list: imported, with a warning
    occupation(WELDER.replace("aa", "bb"), "9999", "unlisted worker", [], "", ""),
    // line 6: no ISCO code at all: rejected
    occupation(WELDER.replace("aa", "cc"), "", "codeless worker", [], "", ""),
  ]),
  "occupations_no.csv": csv(occupationHeader, [
    occupation(DEVELOPER, "2512", "programvareutvikler", ["systemutvikler\nutvikler"], "Programvareutviklere lager programvare.", "2512.4"),
  ]),
  "occupationSkillRelations_en.csv": csv(relationHeader, [
    [DEVELOPER, "essential", "knowledge", PROGRAMMING],
    [DEVELOPER, "optional", "knowledge", MINING],
    [WELDER, "essential", "skill/competence", WELDING],
    [WELDER, "sometimes", "skill/competence", PROGRAMMING],
  ]),
  "ISCOGroups_en.csv": csv(iscoHeader, [
    ["ISCOGroup", "http://data.europa.eu/esco/isco/C2512", "2512", "Software developers", "released", "", "", ""],
    ["ISCOGroup", "http://data.europa.eu/esco/isco/C7212", "7212", "Welders and flamecutters", "released", "", "", ""],
  ]),
  "skillGroups_en.csv": csv(skillGroupHeader, [["SkillGroup", "http://data.europa.eu/esco/isced-f/00", "generic programmes", "", "", "released", "", "", "", "", "00"]]),
});

let t: TestDb;
let dir: string;
beforeEach(async () => {
  t = await createTestDb();
  dir = await mkdtemp(path.join(tmpdir(), "evne-esco-"));
});
afterEach(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

async function writeFiles(files: Files) {
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
}

async function labelsOf(uri: string) {
  const rows = await t.db
    .select({ lang: conceptLabels.lang, labelKind: conceptLabels.labelKind, label: conceptLabels.label })
    .from(conceptLabels)
    .innerJoin(concepts, eq(concepts.id, conceptLabels.conceptId))
    .where(eq(concepts.uri, uri));
  return rows.map((r) => `${r.lang}:${r.labelKind}:${r.label}`).sort();
}

describe("importEsco", () => {
  test("imports skills and occupations with labels in en and nb (from the 'no' files) and their links", async () => {
    await writeFiles(baseFiles());
    const result = await importEsco(t.db, { dir });

    expect(result).toMatchObject({ added: 6, updated: 0, removed: 0, links: 3, concepts: 6 });
    expect(result.languages.sort()).toEqual(["en", "nb"]);
    expect(result.ignored).toEqual([expect.stringContaining("skillGroups_en.csv")]);

    // Multi-line altLabels become one label each; "computer programming" stays preferred only.
    expect(await labelsOf(PROGRAMMING)).toEqual([
      "en:alt:OCaml",
      "en:alt:Visual Basic",
      "en:preferred:computer programming",
      "nb:alt:koding",
      "nb:alt:programmering",
      "nb:preferred:dataprogrammering",
    ]);
    expect(await labelsOf(DEVELOPER)).toEqual([
      "en:alt:programmer",
      "en:alt:software engineer",
      "en:preferred:software developer",
      "nb:alt:systemutvikler",
      "nb:alt:utvikler",
      "nb:preferred:programvareutvikler",
    ]);

    const [developer] = await t.db.select().from(concepts).where(eq(concepts.uri, DEVELOPER));
    expect(developer).toMatchObject({ kind: "role", iscoCode: "2512", source: "esco" });
    expect(developer?.descriptions).toEqual({ en: "Software developers implement software.", nb: "Programvareutviklere lager programvare." });
    const [programming] = await t.db.select().from(concepts).where(eq(concepts.uri, PROGRAMMING));
    expect(programming).toMatchObject({ kind: "skill", skillType: "knowledge" });

    const links = await t.db
      .select({ relation: roleSkills.relation, skill: concepts.uri })
      .from(roleSkills)
      .innerJoin(concepts, eq(concepts.id, roleSkills.skillId))
      .where(eq(roleSkills.roleId, developer?.id ?? ""));
    expect(links.sort((a, b) => a.skill.localeCompare(b.skill))).toEqual([
      { relation: "essential", skill: PROGRAMMING },
      { relation: "optional", skill: MINING },
    ]);
  });

  test("reports bad rows with file and line and imports the valid ones", async () => {
    await writeFiles(baseFiles());
    const seen: string[] = [];
    const result = await importEsco(t.db, { dir, onProblem: (p) => seen.push(`${p.file}:${p.line}`) });

    expect(result.rejected).toBe(3);
    expect(seen).toEqual(["skills_en.csv:6", "occupations_en.csv:5", "occupations_en.csv:6", "occupationSkillRelations_en.csv:5"]);
    expect(result.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/preferredLabel/),
      expect.stringMatching(/9999 is not in ISCOGroups_en\.csv/),
      expect.stringMatching(/iscoGroup/),
      expect.stringMatching(/relationType/),
    ]);
    expect(result.problems[1]?.imported).toBe(true);
    expect(result.files).toContainEqual({ name: "occupations_en.csv", rows: 3, rejected: 1 });
    expect(result.files).toContainEqual({ name: "skills_en.csv", rows: 3, rejected: 1 });
    const broken = await t.db.select().from(concepts).where(eq(concepts.uri, "http://data.europa.eu/esco/skill/broken"));
    expect(broken).toEqual([]);
  });

  test("a file that breaks part-way leaves the previous taxonomy untouched", async () => {
    await writeFiles(baseFiles());
    await importEsco(t.db, { dir });
    const before = await labelsOf(DEVELOPER);

    const files = baseFiles();
    files["occupations_en.csv"] = csv(occupationHeader, [occupation(DEVELOPER, "2512", "code writer", [], "", "2512.4")]);
    // An unterminated quote: the CSV reader cannot go on, after the concepts were already written.
    files["occupationSkillRelations_en.csv"] = `${relationHeader}\n${DEVELOPER},essential,knowledge,${PROGRAMMING}\n"${WELDER},essential,knowledge,${WELDING}\n`;
    await writeFiles(files);
    await expect(importEsco(t.db, { dir })).rejects.toThrow(/occupationSkillRelations_en\.csv/);

    expect(await labelsOf(DEVELOPER)).toEqual(before);
    const welder = await t.db.select({ id: concepts.id }).from(concepts).where(eq(concepts.uri, WELDER));
    expect(welder).toHaveLength(1);
    const links = await t.db.select().from(roleSkills);
    expect(links).toHaveLength(3);
  });

  test("a re-import of the same files adds and updates nothing; a removed concept is removed", async () => {
    await writeFiles(baseFiles());
    await importEsco(t.db, { dir });
    const again = await importEsco(t.db, { dir });
    expect(again).toMatchObject({ added: 0, updated: 0, removed: 0, links: 3 });

    const files = baseFiles();
    files["skills_en.csv"] = csv(skillHeader, [
      skill(PROGRAMMING, "knowledge", "computer programming", ["OCaml", "Visual Basic", "computer programming"], "The techniques of software development."),
      skill(WELDING, "skill/competence", "weld metal parts", ["welding"], "Join metal parts."),
    ]);
    await writeFiles(files);
    const changed = await importEsco(t.db, { dir });
    expect(changed).toMatchObject({ added: 0, updated: 1, removed: 1, links: 2, skippedLinks: 1 });
    const welding = await t.db
      .select({ label: conceptLabels.label })
      .from(conceptLabels)
      .innerJoin(concepts, eq(concepts.id, conceptLabels.conceptId))
      .where(and(eq(concepts.uri, WELDING), eq(conceptLabels.labelKind, "alt")));
    expect(welding).toEqual([{ label: "welding" }]);
  });

  test("the relations file is read under both names ESCO downloads use", async () => {
    const files = baseFiles();
    files["occupationSkillRelations.csv"] = files["occupationSkillRelations_en.csv"] ?? "";
    delete files["occupationSkillRelations_en.csv"];
    await writeFiles(files);
    const result = await importEsco(t.db, { dir });
    expect(result.links).toBe(3);
    expect(result.files).toContainEqual({ name: "occupationSkillRelations.csv", rows: 3, rejected: 1 });
  });

  test("skills and occupations without any relations file are refused, and nothing is imported", async () => {
    const files = baseFiles();
    delete files["occupationSkillRelations_en.csv"];
    await writeFiles(files);
    await expect(importEsco(t.db, { dir })).rejects.toThrow(/no occupationSkillRelations\.csv/);
    expect(await t.db.select().from(concepts)).toEqual([]);
  });

  test("a relations file without one valid row is refused, and the import rolled back", async () => {
    const files = baseFiles();
    files["occupationSkillRelations_en.csv"] = csv(relationHeader, [[DEVELOPER, "sometimes", "knowledge", PROGRAMMING]]);
    await writeFiles(files);
    await expect(importEsco(t.db, { dir })).rejects.toThrow(/no valid relation rows/);
    expect(await t.db.select().from(concepts)).toEqual([]);
  });

  test("skillSkillRelations.csv becomes related skills", async () => {
    const files = baseFiles();
    files["skillSkillRelations.csv"] = csv("originalSkillUri,originalSkillType,relationType,relatedSkillType,relatedSkillUri", [
      [PROGRAMMING, "knowledge", "optional", "knowledge", MINING],
      [WELDING, "skill/competence", "essential", "knowledge", "http://data.europa.eu/esco/skill/unknown"],
    ]);
    await writeFiles(files);
    const result = await importEsco(t.db, { dir });
    expect(result.skillRelations).toBe(1);
    const rows = await t.db.select({ relation: skillRelations.relation }).from(skillRelations);
    expect(rows).toEqual([{ relation: "optional" }]);
  });

  test("a directory without ESCO files is refused with a plain message", async () => {
    await expect(importEsco(t.db, { dir })).rejects.toThrow(/no skills_<lang>\.csv/);
  });
});
