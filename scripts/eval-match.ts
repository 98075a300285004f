// npm run eval:match [-- --esco <dir>] — matching quality, next to a lexical baseline measured in the
// same run. With --esco: the ESCO download is imported into a scratch in-memory database; for ~200
// sampled occupations (fixed seed) 3-6 of their essential skills are written with ALTERNATIVE labels,
// in random order, and matched through the CLI's code path (matchCommand). Without --esco: the
// starter taxonomy, queries made from its synonyms in both languages.
// Prints one JSON line per metric on stdout: {"name","value","baseline","n","taxonomy"}.
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { openPglite, type Db } from "../src/server/db/client";
import { runMigrations } from "../src/server/db/migrate";
import { queryRows } from "../src/server/db/rows";
import { embedConcepts } from "../src/server/embeddings/concepts";
import { createLocalEmbedder, foldForEmbedding } from "../src/server/embeddings/local";
import { importEsco } from "../src/server/taxonomy/esco/import";
import { toTaxonomyConcepts } from "../src/server/taxonomy/starter";
import { upsertTaxonomy } from "../src/server/taxonomy/upsert";
import { runCli } from "./cli-runtime";
import { matchCommand } from "./commands/match";

const SAMPLE = 200;
const SEED = 20261124;
const LIMIT = 10;

type Lang = "nb" | "en";
type Query = { roleId: string; lang: Lang; skills: string[] };

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Roles whose essential skills have alternative labels in `lang`: 3-6 of those, one alt label each. */
async function buildQueries(db: Db, langs: Lang[], sample: number, random: () => number): Promise<Query[]> {
  const queries: Query[] = [];
  for (const lang of langs) {
    const rows = await queryRows<{ role_id: string; skill_id: string; alts: string[] }>(
      db,
      sql`select rs.role_id, rs.skill_id, array_agg(cl.label order by cl.label) as alts
          from role_skills rs join concept_labels cl on cl.concept_id = rs.skill_id and cl.label_kind = 'alt' and cl.lang = ${lang}
          where rs.relation = 'essential' group by rs.role_id, rs.skill_id order by rs.role_id, rs.skill_id`,
    );
    const byRole = new Map<string, string[][]>();
    for (const r of rows) {
      const list = byRole.get(r.role_id) ?? [];
      list.push(r.alts);
      byRole.set(r.role_id, list);
    }
    const eligible = [...byRole.entries()].filter(([, skills]) => skills.length >= 3);
    for (const [roleId, skills] of shuffle(eligible, random).slice(0, sample)) {
      const k = Math.min(skills.length, 3 + Math.floor(random() * 4));
      const chosen = shuffle(skills, random).slice(0, k);
      queries.push({ roleId, lang, skills: chosen.map((alts) => alts[Math.floor(random() * alts.length)] ?? "") });
    }
  }
  return queries;
}

/** BM25 (k1 = 1.2, b = 0.75) over each role's label plus its skills' preferred labels. */
async function bm25Ranker(db: Db, lang: Lang): Promise<(query: string) => string[]> {
  const rows = await queryRows<{ role_id: string; text: string }>(
    db,
    sql`select c.id as role_id,
          coalesce((select string_agg(l.label, ' ') from concept_labels l where l.concept_id = c.id and l.label_kind = 'preferred' and l.lang = ${lang}), '')
          || ' ' || coalesce((select string_agg(l.label, ' ') from role_skills rs join concept_labels l on l.concept_id = rs.skill_id
               and l.label_kind = 'preferred' and l.lang = ${lang} where rs.role_id = c.id), '') as text
        from concepts c where c.kind = 'role'`,
  );
  const tokens = (text: string) => foldForEmbedding(text).split(" ").filter(Boolean);
  const docs = rows.map((r) => {
    const tf = new Map<string, number>();
    const words = tokens(r.text);
    for (const w of words) tf.set(w, (tf.get(w) ?? 0) + 1);
    return { id: r.role_id, tf, length: words.length };
  });
  const df = new Map<string, number>();
  for (const d of docs) for (const w of d.tf.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const avg = docs.reduce((s, d) => s + d.length, 0) / Math.max(1, docs.length);
  const n = docs.length;
  return (query) => {
    const terms = tokens(query);
    const scored = docs.map((d) => {
      let score = 0;
      for (const t of terms) {
        const f = d.tf.get(t);
        if (!f) continue;
        const idf = Math.log(1 + (n - (df.get(t) ?? 0) + 0.5) / ((df.get(t) ?? 0) + 0.5));
        score += (idf * f * 2.2) / (f + 1.2 * (1 - 0.75 + (0.75 * d.length) / avg));
      }
      return { id: d.id, score };
    });
    return scored.filter((s) => s.score > 0).sort((a, b) => b.score - a.score).slice(0, LIMIT).map((s) => s.id);
  };
}

type Metrics = { r1: number; r5: number; r10: number; mrr: number };

function metrics(ranks: (number | undefined)[]): Metrics {
  const n = Math.max(1, ranks.length);
  const within = (k: number) => ranks.filter((r) => r !== undefined && r <= k).length / n;
  const mrr = ranks.reduce<number>((s, r) => s + (r === undefined ? 0 : 1 / r), 0) / n;
  return { r1: within(1), r5: within(5), r10: within(10), mrr };
}

await runCli("eval:match", async () => {
  const argv = process.argv.slice(2);
  const at = argv.indexOf("--esco");
  const esco = at >= 0 ? argv[at + 1] : undefined;
  const handle = await openPglite();
  try {
    await runMigrations(handle);
    const db = handle.db;
    let started = performance.now();
    if (esco) {
      const result = await importEsco(db, { dir: esco });
      console.error(`[eval:match] imported ESCO: ${result.concepts} concepts, ${result.links} links in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } else {
      const starter = toTaxonomyConcepts();
      await upsertTaxonomy(db, { source: "starter", concepts: starter.concepts, links: starter.links, removeMissing: false });
    }
    const embedder = createLocalEmbedder();
    started = performance.now();
    // Bulk load: building the HNSW index once after the inserts is far faster than growing it row by row.
    await db.execute(sql`drop index if exists concept_embeddings_hnsw_idx`);
    const embedded = await embedConcepts(db, embedder);
    await db.execute(sql`create index concept_embeddings_hnsw_idx on concept_embeddings using hnsw (embedding vector_cosine_ops)`);
    console.error(`[eval:match] embedded ${embedded.embedded} concepts in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const random = rng(SEED);
    const langs: Lang[] = esco ? ["en"] : ["en", "nb"];
    const queries = await buildQueries(db, langs, esco ? SAMPLE : Number.MAX_SAFE_INTEGER, random);
    const rankers = new Map<Lang, (q: string) => string[]>();
    for (const lang of langs) rankers.set(lang, await bm25Ranker(db, lang));

    const ours: (number | undefined)[] = [];
    const base: (number | undefined)[] = [];
    started = performance.now();
    for (const q of queries) {
      const out = await matchCommand(db, { skills: q.skills, lang: q.lang, limit: LIMIT }, embedder);
      const rank = out.roles.findIndex((r) => r.id === q.roleId);
      ours.push(rank >= 0 ? rank + 1 : undefined);
      const lexical = rankers.get(q.lang)?.(q.skills.join(" ")) ?? [];
      const baseRank = lexical.indexOf(q.roleId);
      base.push(baseRank >= 0 ? baseRank + 1 : undefined);
    }
    console.error(`[eval:match] ${queries.length} queries in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const m = metrics(ours);
    const b = metrics(base);
    const taxonomy = esco ? "esco" : "starter";
    const round = (v: number) => Math.round(v * 1000) / 1000;
    for (const [name, value, baseline] of [
      ["recall@1", m.r1, b.r1],
      ["recall@5", m.r5, b.r5],
      ["recall@10", m.r10, b.r10],
      ["mrr", m.mrr, b.mrr],
    ] as const) {
      console.log(JSON.stringify({ name, value: round(value), baseline: round(baseline), n: queries.length, taxonomy }));
    }
  } finally {
    await handle.close();
  }
});
