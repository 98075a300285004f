// Autocomplete latency on the synthetic ESCO-size taxonomy in an in-memory PGlite: the hybrid
// search the API runs (mode "autocomplete"), the always-vector hybrid mode, and a naive ILIKE scan
// as the baseline, all in one run over the same few hundred queries (prefixes, typos, whole labels).
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { openPglite } from "../../src/server/db/client";
import type { Db } from "../../src/server/db/client";
import { runMigrations } from "../../src/server/db/migrate";
import { queryRows } from "../../src/server/db/rows";
import { embedConcepts } from "../../src/server/embeddings/concepts";
import { createLocalEmbedder } from "../../src/server/embeddings/local";
import { searchConcepts } from "../../src/server/search/concepts";
import { syntheticTaxonomy } from "../../src/server/taxonomy/synthetic";
import { upsertTaxonomy } from "../../src/server/taxonomy/upsert";
import type { Bench } from "./index";

type Query = { q: string; type: "skill" | "role"; lang: "nb" | "en"; expected: string; kind: "prefix" | "typo" | "label" };

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

/** One realistic slip: a dropped, doubled or swapped letter inside the longest word. */
function typo(label: string, random: () => number): string {
  const words = label.split(" ");
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a), "");
  const i = 1 + Math.floor(random() * Math.max(1, longest.length - 2));
  const kind = Math.floor(random() * 3);
  const slipped =
    kind === 0 ? longest.slice(0, i) + longest.slice(i + 1)
    : kind === 1 ? longest.slice(0, i) + (longest[i] ?? "") + longest.slice(i)
    : longest.slice(0, i - 1) + (longest[i] ?? "") + (longest[i - 1] ?? "") + longest.slice(i + 1);
  return words.map((w) => (w === longest ? slipped : w)).join(" ");
}

async function buildQueries(db: Db, n: number): Promise<Query[]> {
  const labels = await queryRows<{ concept_id: string; kind: "skill" | "role"; lang: "nb" | "en"; label: string }>(
    db,
    sql`select concept_id, kind, lang, label from concept_labels where label_kind = 'preferred' order by concept_id, lang`,
  );
  const random = rng(7);
  const queries: Query[] = [];
  while (queries.length < n) {
    const row = labels[Math.floor(random() * labels.length)];
    if (!row) continue;
    const base = { type: row.kind, lang: row.lang, expected: row.concept_id };
    const roll = random();
    if (roll < 0.5) queries.push({ ...base, kind: "prefix", q: row.label.slice(0, 3 + Math.floor(random() * 8)) });
    else if (roll < 0.85) queries.push({ ...base, kind: "typo", q: typo(row.label, random) });
    else queries.push({ ...base, kind: "label", q: row.label });
  }
  return queries;
}

/** What a first version would do: a case-insensitive substring scan over every label. */
async function naiveIlike(db: Db, q: Query): Promise<string[]> {
  const rows = await queryRows<{ concept_id: string }>(
    db,
    sql`select concept_id from concept_labels where kind = ${q.type} and label ilike ${`%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}
        group by concept_id order by min(length(label)) limit 10`,
  );
  return rows.map((r) => r.concept_id);
}

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round((sorted[i] ?? 0) * 100) / 100;
}

async function measure(queries: Query[], run: (q: Query) => Promise<string[]>) {
  const times: number[] = [];
  let hits = 0;
  let typoHits = 0;
  let typos = 0;
  for (const q of queries) {
    const started = performance.now();
    const ids = await run(q);
    times.push(performance.now() - started);
    const found = ids.includes(q.expected);
    if (found) hits++;
    if (q.kind === "typo") {
      typos++;
      if (found) typoHits++;
    }
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), recall: hits / queries.length, typoRecall: typos ? typoHits / typos : 0 };
}

export const bench: Bench = async ({ emit }) => {
  const handle = await openPglite();
  try {
    await runMigrations(handle);
    const taxonomy = syntheticTaxonomy({ skills: 14000, roles: 3000, linksPerRole: 40, seed: 42 });
    const t0 = performance.now();
    console.error("[bench:search] loading the synthetic taxonomy …");
    await upsertTaxonomy(handle.db, { source: "esco", concepts: taxonomy.concepts, links: taxonomy.links, removeMissing: true });
    const embedder = createLocalEmbedder();
    console.error(`[bench:search] loaded in ${Math.round(performance.now() - t0)} ms; embedding concepts …`);
    const t1 = performance.now();
    const embedded = await embedConcepts(handle.db, embedder, {
      onProgress: ({ done, total }) => console.error(`[bench:search] embedded ${done}/${total} (${Math.round(performance.now() - t1)} ms)`),
    });
    await handle.db.execute(sql`analyze`);
    const queries = await buildQueries(handle.db, 300);
    const limit = 10;
    const ids = (r: { conceptId: string }[]) => r.map((x) => x.conceptId);
    const autocomplete = (q: Query) => searchConcepts(handle.db, { ...q, limit, embedder }).then(ids);
    const hybrid = (q: Query) => searchConcepts(handle.db, { ...q, limit }).then(ids);
    const baselineRun = (q: Query) => naiveIlike(handle.db, q);

    // Warm caches and the planner the same way for every contender.
    for (const q of queries.slice(0, 20)) {
      await autocomplete(q);
      await hybrid(q);
      await baselineRun(q);
    }
    const n = queries.length;
    const base = await measure(queries, baselineRun);
    console.error(`[bench:search] ILIKE baseline p50 ${base.p50} ms p95 ${base.p95} ms`);
    const auto = await measure(queries, autocomplete);
    console.error(`[bench:search] autocomplete p50 ${auto.p50} ms p95 ${auto.p95} ms`);
    emit({ name: "autocomplete_p50_ms", value: auto.p50, unit: "ms", baseline: base.p50, n });
    emit({ name: "autocomplete_p95_ms", value: auto.p95, unit: "ms", baseline: base.p95, n });
    const full = await measure(queries, hybrid);
    console.error(`[bench:search] ${embedded.total} concepts embedded; recall@10 autocomplete ${auto.recall.toFixed(3)} hybrid ${full.recall.toFixed(3)} ilike ${base.recall.toFixed(3)}`);
    emit({ name: "search_hybrid_p50_ms", value: full.p50, unit: "ms", baseline: base.p50, n });
    emit({ name: "search_hybrid_p95_ms", value: full.p95, unit: "ms", baseline: base.p95, n });
    emit({ name: "autocomplete_recall_at_10", value: round3(auto.recall), unit: "ratio", baseline: round3(base.recall), n });
    emit({ name: "autocomplete_typo_recall_at_10", value: round3(auto.typoRecall), unit: "ratio", baseline: round3(base.typoRecall), n: queries.filter((q) => q.kind === "typo").length });
    emit({ name: "search_hybrid_recall_at_10", value: round3(full.recall), unit: "ratio", baseline: round3(base.recall), n });
  } finally {
    await handle.close();
  }
};

const round3 = (x: number) => Math.round(x * 1000) / 1000;
