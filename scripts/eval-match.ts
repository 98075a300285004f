// npm run eval:match -- --esco ../shared/data/esco-v1.1.1-en --onet ../shared/data [--n 200] [--seed 20261124] [--sets a,b,c]
// Matching quality on the real task, with the strongest lexical baselines measured in the same run
// on the same data (scripts/eval/baselines.ts). The ESCO download is imported into a scratch
// in-memory PGlite (or DATABASE_URL with --database-url) and embedded with the local embedder; queries
// go through the CLI's code path (matchCommand). O*NET text and the crosswalk are queries and ground
// truth only: nothing from them reaches the product. Without --esco: the starter taxonomy, set a only.
// One JSON line per set and metric on stdout: {"name","value","baseline","baselines","n","taxonomy"}.
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { openPglite, openPostgres, type Db, type DbHandle } from "@/server/db/client";
import { runMigrations } from "@/server/db/migrate";
import { queryRows } from "@/server/db/rows";
import { embedConcepts } from "@/server/embeddings/concepts";
import { createLocalEmbedder } from "@/server/embeddings/local";
import { DEFAULT_SEMANTIC, matchByText } from "@/server/matching/by-text";
import { wordGrams } from "@/server/matching/extract/tokens";
import type { SemanticSignal } from "@/server/matching/text/semantic";
import { findSkillSpans } from "@/server/matching/text/spans";
import { getTextIndex, loadRoleTexts } from "@/server/matching/text/text-index";
import { importEsco } from "@/server/taxonomy/esco/import";
import { normalizeLabel } from "@/server/taxonomy/normalize";
import { toTaxonomyConcepts } from "@/server/taxonomy/starter";
import { upsertTaxonomy } from "@/server/taxonomy/upsert";
import { rng } from "@/server/seeded-random";
import { parseFlags, runCli } from "./cli-runtime";
import { matchCommand } from "./commands/match";
import { bm25Baselines, type Ranker } from "./eval/baselines";
import { firstHit, metrics, round3, type Metrics } from "./eval/metrics";
import { readOnet } from "./eval/onet";
import { buildSetA, buildSetB, buildSetC, type SkillQuery, type TextQuery } from "./eval/sets";

const USAGE = "usage: npm run eval:match -- [--esco <dir>] [--onet <dir>] [--n 200] [--seed 20261124] [--sets a,b,c] [--database-url URL] [--compare-semantic]";
const LIMIT = 10;
const log = (message: string) => console.error(`[eval:match] ${message}`);

function emit(set: string, n: number, taxonomy: string, ours: Metrics, baselines: Record<string, Metrics>) {
  for (const name of ["recall@1", "recall@5", "recall@10", "mrr"] as const) {
    const values = Object.fromEntries(Object.entries(baselines).map(([k, m]) => [k, round3(m[name])]));
    const strongest = Math.max(...Object.values(values));
    console.log(JSON.stringify({ name: `${set}/${name}`, value: round3(ours[name]), baseline: strongest, baselines: values, n, taxonomy }));
  }
}

async function runSkillSet(db: Db, queries: SkillQuery[], rankers: Record<string, Ranker>): Promise<{ ours: Metrics; baselines: Record<string, Metrics> }> {
  const embedder = createLocalEmbedder();
  const ours: (number | undefined)[] = [];
  const base: Record<string, (number | undefined)[]> = Object.fromEntries(Object.keys(rankers).map((k) => [k, []]));
  for (const q of queries) {
    const out = await matchCommand(db, { skills: q.skills, lang: "en", limit: LIMIT }, embedder);
    ours.push(firstHit(out.roles.map((r) => r.id), q.gold));
    for (const [name, rank] of Object.entries(rankers)) base[name]?.push(firstHit(rank(q.skills.join(" "), LIMIT), q.gold));
  }
  return { ours: metrics(ours), baselines: Object.fromEntries(Object.entries(base).map(([k, v]) => [k, metrics(v)])) };
}

async function runTextSet(
  db: Db,
  queries: TextQuery[],
  rankers: Record<string, Ranker>,
  semantic?: SemanticSignal,
): Promise<{ ours: Metrics; baselines: Record<string, Metrics> }> {
  const embedder = createLocalEmbedder();
  const ours: (number | undefined)[] = [];
  const base: Record<string, (number | undefined)[]> = Object.fromEntries(Object.keys(rankers).map((k) => [k, []]));
  for (const q of queries) {
    // The CLI's path; a semantic signal other than the default goes straight to matchByText.
    const ids = semantic
      ? await matchByText(db, { text: q.text, lang: "en", limit: LIMIT, embedder, semantic }).then((r) => (r.status === "ok" ? r.roles.map((x) => x.roleId) : []))
      : (await matchCommand(db, { text: q.text, lang: "en", limit: LIMIT }, embedder)).roles.map((r) => r.id);
    ours.push(firstHit(ids, q.gold));
    for (const [name, rank] of Object.entries(rankers)) base[name]?.push(firstHit(rank(q.text, LIMIT), q.gold));
  }
  return { ours: metrics(ours), baselines: Object.fromEntries(Object.entries(base).map(([k, v]) => [k, metrics(v)])) };
}

/** Extraction on set b: skills found vs the gold occupations' essential skills (micro-averaged). */
async function extractionQuality(db: Db, queries: TextQuery[]): Promise<void> {
  const index = await getTextIndex(db);
  const labelRows = await queryRows<{ normalized: string; concept_id: string }>(
    db,
    sql`select distinct on (normalized) normalized, concept_id from concept_labels where kind = 'skill'
        order by normalized, case label_kind when 'preferred' then 0 when 'alt' then 1 else 2 end, concept_id`,
  );
  const exact = new Map(labelRows.map((r) => [r.normalized, r.concept_id]));
  // Baseline: exact label/synonym n-grams (the extractor's former first stage), longest first.
  const exactSpans = (text: string) => {
    const grams = wordGrams(text, 6).grams.filter((g) => exact.has(g.normalized)).sort((a, b) => b.last - b.first - (a.last - a.first));
    const taken = new Set<number>();
    const found = new Set<string>();
    for (const g of grams) {
      let free = true;
      for (let w = g.first; w <= g.last; w++) if (taken.has(w)) free = false;
      if (!free) continue;
      for (let w = g.first; w <= g.last; w++) taken.add(w);
      found.add(exact.get(normalizeLabel(g.normalized)) ?? "");
    }
    return found;
  };
  const essentialRows = await queryRows<{ role_id: string; skill_id: string }>(db, sql`select role_id, skill_id from role_skills where relation = 'essential'`);
  const essentialOf = new Map<string, Set<string>>();
  for (const r of essentialRows) essentialOf.set(r.role_id, (essentialOf.get(r.role_id) ?? new Set()).add(r.skill_id));
  const tally = { ours: { tp: 0, found: 0, gold: 0, few: 0 }, exact: { tp: 0, found: 0, gold: 0, few: 0 } };
  for (const q of queries) {
    const gold = new Set([...q.gold].flatMap((id) => [...(essentialOf.get(id) ?? [])]));
    for (const [name, found] of [["ours", new Set(findSkillSpans(index, q.text).map((s) => s.skillId))], ["exact", exactSpans(q.text)]] as const) {
      const t = tally[name];
      t.found += found.size;
      t.gold += gold.size;
      t.tp += [...found].filter((id) => gold.has(id)).length;
      if (found.size < 3) t.few += 1;
    }
  }
  const p = (t: { tp: number; found: number }) => round3(t.tp / Math.max(1, t.found));
  const r = (t: { tp: number; gold: number }) => round3(t.tp / Math.max(1, t.gold));
  const n = queries.length;
  console.log(JSON.stringify({ name: "b/extraction_precision", value: p(tally.ours), baseline: p(tally.exact), baselines: { exact_label_spans: p(tally.exact) }, n, taxonomy: "esco" }));
  console.log(JSON.stringify({ name: "b/extraction_recall", value: r(tally.ours), baseline: r(tally.exact), baselines: { exact_label_spans: r(tally.exact) }, n, taxonomy: "esco" }));
  console.log(JSON.stringify({ name: "b/texts_with_fewer_than_3_skills", value: tally.ours.few, baseline: tally.exact.few, n, taxonomy: "esco" }));
}

/** The same set with every offline semantic signal other than the default, as `<set>[semantic=…]` lines. */
async function compareSemantic(db: Db, set: string, queries: TextQuery[], rankers: Record<string, Ranker>): Promise<void> {
  for (const signal of (["none", "embedding", "lsa"] as const).filter((s) => s !== DEFAULT_SEMANTIC)) {
    const started = performance.now();
    const result = await runTextSet(db, queries, rankers, signal);
    log(`${set}[semantic=${signal}]: ${queries.length} texts in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    emit(`${set}[semantic=${signal}]`, queries.length, "esco", result.ours, result.baselines);
  }
}

await runCli("eval:match", async () => {
  const { values } = parseFlags({
    args: process.argv.slice(2),
    options: {
      esco: { type: "string" },
      onet: { type: "string" },
      n: { type: "string", default: "200" },
      seed: { type: "string", default: "20261124" },
      sets: { type: "string", default: "a,b,c" },
      "database-url": { type: "string" },
      /** Also run sets b and c with each offline semantic signal, to compare them. */
      "compare-semantic": { type: "boolean", default: false },
    },
  }, USAGE);
  const n = Number(values.n);
  const seed = Number(values.seed);
  const sets = new Set((values.sets ?? "").split(","));
  if (!Number.isInteger(n) || n < 1) throw new Error("--n must be a positive whole number");
  if ((sets.has("b") || sets.has("c")) && values.esco && !values.onet) throw new Error("sets b and c need --onet <dir with onet-29.3/ and crosswalks/>");
  const handle: DbHandle = values["database-url"] ? await openPostgres(values["database-url"]) : await openPglite();
  try {
    await runMigrations(handle);
    const db = handle.db;
    let started = performance.now();
    const taxonomy = values.esco ? "esco" : "starter";
    const [loaded] = await queryRows<{ esco: number }>(db, sql`select count(*)::int as esco from concepts where source = 'esco' and kind = 'role'`);
    // A --database-url that already holds the ESCO import (from an earlier run) is used as it is.
    const reuse = Boolean(values["database-url"] && values.esco && (loaded?.esco ?? 0) > 0);
    if (reuse) {
      log("using the ESCO taxonomy already in the database");
    } else if (values.esco) {
      await importEsco(db, { dir: values.esco });
    } else {
      const starter = toTaxonomyConcepts();
      await upsertTaxonomy(db, { source: "starter", concepts: starter.concepts, links: starter.links, removeMissing: false });
    }
    if (!reuse) {
      log(`taxonomy loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      started = performance.now();
      // Bulk load: building the HNSW index once after the inserts is far faster than growing it row by row.
      await db.execute(sql`drop index if exists concept_embeddings_hnsw_idx`);
      await embedConcepts(db, createLocalEmbedder());
      await db.execute(sql`create index concept_embeddings_hnsw_idx on concept_embeddings using hnsw (embedding vector_cosine_ops)`);
      await db.execute(sql`analyze`);
      log(`embedded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }

    const index = await getTextIndex(db);
    const rankers = bm25Baselines(index, (await loadRoleTexts(db, index.roles)).roleFields);
    if (sets.has("a")) {
      const a = await buildSetA(db, n, rng(seed));
      for (const [variant, queries] of Object.entries(a)) {
        started = performance.now();
        const result = await runSkillSet(db, queries, rankers);
        log(`a/${variant}: ${queries.length} queries in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        emit(`a/${variant}`, queries.length, taxonomy, result.ours, result.baselines);
      }
    }
    if (values.esco && values.onet) {
      const onet = readOnet(values.onet);
      if (sets.has("b")) {
        const b = await buildSetB(db, onet, n, rng(seed + 1));
        started = performance.now();
        const result = await runTextSet(db, b, rankers);
        log(`b: ${b.length} texts in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        emit("b", b.length, taxonomy, result.ours, result.baselines);
        await extractionQuality(db, b);
        if (values["compare-semantic"]) await compareSemantic(db, "b", b, rankers);
      }
      if (sets.has("c")) {
        const c = await buildSetC(db, onet, n, rng(seed + 2));
        started = performance.now();
        const result = await runTextSet(db, c, rankers);
        log(`c: ${c.length} texts in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        emit("c", c.length, taxonomy, result.ours, result.baselines);
        if (values["compare-semantic"]) await compareSemantic(db, "c", c, rankers);
      }
    }
  } finally {
    await handle.close();
  }
});
