// A tiny taxonomy with hand-made vectors for the matching tests: every skill has its own axis, so
// similarities are exactly what the fake embedder says they are.
import { sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { queryRows } from "@/server/db/rows";
import { EMBEDDING_DIMENSIONS } from "@/server/db/schema/taxonomy";
import type { Embedder } from "@/server/embeddings/types";
import { upsertTaxonomy, type TaxonomyConcept } from "@/server/taxonomy/upsert";

export const FAKE_MODEL = "test-fake-v1";

const skillDefs = [
  ["js-framework", "JavaScript framework", "JavaScript-rammeverk", ["JS framework"]],
  ["typescript", "TypeScript", "TypeScript", []],
  ["html", "HTML", "HTML", ["HyperText Markup Language"]],
  ["css", "CSS", "CSS", ["cascading style sheets"]],
  ["git", "Git", "Git", ["version control with git"]],
  ["testing", "software testing", "programvaretesting", ["unit testing"]],
  ["sql", "SQL", "SQL", ["structured query language"]],
  ["python", "Python", "Python", []],
  ["welding", "welding", "sveising", ["weld metal"]],
  ["first-aid", "first aid", "førstehjelp", []],
  ["nursing", "nursing care", "sykepleie", ["patient care"]],
] as const;

const roleDefs = [
  ["frontend", "frontend developer", "frontendutvikler", ["js-framework", "typescript", "html", "css"], ["git", "testing"]],
  ["backend", "backend developer", "backendutvikler", ["sql", "python", "git"], ["typescript", "testing"]],
  ["welder", "welder", "sveiser", ["welding", "first-aid"], []],
  ["nurse", "nurse", "sykepleier", ["nursing", "first-aid"], ["testing"]],
] as const;

export type SkillSlug = (typeof skillDefs)[number][0];
export type RoleSlug = (typeof roleDefs)[number][0];

function axis(i: number, weight = 1): number[] {
  const v = new Array<number>(EMBEDDING_DIMENSIONS).fill(0);
  v[i] = weight;
  return v;
}

function add(a: number[], b: number[]): number[] {
  return a.map((x, i) => x + (b[i] ?? 0));
}

function unit(v: number[]): number[] {
  const n = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  return v.map((x) => x / n);
}

const skillAxis = (slug: SkillSlug) => skillDefs.findIndex((d) => d[0] === slug);

/**
 * Knows a few custom labels: "React.js" lies 0.8 towards "JavaScript framework", "Vue" 0.75,
 * "JavaScript frameworks" 0.95.
 * Every other text gets an axis of its own (far from every skill).
 */
export function fakeEmbedder(): Embedder & { calls: string[][] } {
  const calls: string[][] = [];
  const known: Record<string, number[]> = {
    "react.js": unit(add(axis(skillAxis("js-framework"), 0.8), axis(200, 0.6))),
    vue: unit(add(axis(skillAxis("js-framework"), 0.75), axis(201, Math.sqrt(1 - 0.75 ** 2)))),
    "javascript framework": axis(skillAxis("js-framework")),
    "javascript frameworks": unit(add(axis(skillAxis("js-framework"), 0.95), axis(202, Math.sqrt(1 - 0.95 ** 2)))),
  };
  return {
    model: FAKE_MODEL,
    calls,
    embed: async (texts) => {
      calls.push([...texts]);
      return texts.map((t) => {
        const key = t.trim().toLowerCase();
        const hit = known[key];
        if (hit) return hit;
        let h = 0;
        for (const ch of key) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
        return axis(100 + (h % 90));
      });
    },
  };
}

export type Fixture = { skill: Record<SkillSlug, string>; role: Record<RoleSlug, string> };

export async function seedMatchingTaxonomy(db: Db): Promise<Fixture> {
  const concepts: TaxonomyConcept[] = [
    ...skillDefs.map(([slug, en, nb, alts]) => ({
      uri: `test:skill/${slug}`,
      kind: "skill" as const,
      descriptions: { en: `${en}.` },
      labels: [
        { lang: "en", labelKind: "preferred" as const, label: en },
        { lang: "nb", labelKind: "preferred" as const, label: nb },
        ...alts.map((label) => ({ lang: "en", labelKind: "alt" as const, label })),
      ],
    })),
    ...roleDefs.map(([slug, en, nb]) => ({
      uri: `test:role/${slug}`,
      kind: "role" as const,
      descriptions: { en: `A ${en} works.`, nb: `En ${nb} jobber.` },
      labels: [
        { lang: "en", labelKind: "preferred" as const, label: en },
        { lang: "nb", labelKind: "preferred" as const, label: nb },
      ],
    })),
  ];
  const links = roleDefs.flatMap(([role, , , essential, optional]) => [
    ...essential.map((s) => ({ roleUri: `test:role/${role}`, skillUri: `test:skill/${s}`, relation: "essential" as const })),
    ...optional.map((s) => ({ roleUri: `test:role/${role}`, skillUri: `test:skill/${s}`, relation: "optional" as const })),
  ]);
  await upsertTaxonomy(db, { source: "starter", concepts, links, removeMissing: false });
  const rows = await queryRows<{ id: string; uri: string }>(db, sql`select id, uri from concepts where uri like 'test:%'`);
  const idOf = new Map(rows.map((r) => [r.uri, r.id]));
  const get = (uri: string) => {
    const id = idOf.get(uri);
    if (!id) throw new Error(`fixture concept missing: ${uri}`);
    return id;
  };
  const skill = Object.fromEntries(skillDefs.map(([s]) => [s, get(`test:skill/${s}`)])) as Record<SkillSlug, string>;
  const role = Object.fromEntries(roleDefs.map(([r]) => [r, get(`test:role/${r}`)])) as Record<RoleSlug, string>;
  for (const [i, [slug]] of skillDefs.entries()) await storeVector(db, skill[slug], axis(i));
  for (const [i, [slug]] of roleDefs.entries()) await storeVector(db, role[slug], axis(50 + i));
  return { skill, role };
}

async function storeVector(db: Db, conceptId: string, vector: number[]): Promise<void> {
  await db.execute(
    sql`insert into concept_embeddings (concept_id, model, content_hash, embedding)
        values (${conceptId}, ${FAKE_MODEL}, 'test', ${`[${vector.join(",")}]`}::vector)`,
  );
}

export async function createUser(db: Db, email: string): Promise<string> {
  const rows = await queryRows<{ id: string }>(db, sql`insert into users (email, display_name) values (${email}, ${email}) returning id`);
  const id = rows[0]?.id;
  if (!id) throw new Error("user not created");
  return id;
}
