// Concept search on the real taxonomy: `npm run bench -- search --esco <dir>` imports the ESCO
// download plus the starter taxonomy into an in-memory PGlite (without --esco: the synthetic
// ESCO-size taxonomy). Measures, in one run over the same queries: the in-process taxonomy index
// (what GET /api/search serves; the semantic fallback is left out, no embedder), MiniSearch and
// FlexSearch over the same label documents, and a naive ILIKE scan over every label as the baseline.
import { performance } from "node:perf_hooks";
import v8 from "node:v8";
import vm from "node:vm";
import { sql } from "drizzle-orm";
import { openPglite, type Db } from "@/server/db/client";
import { runMigrations } from "@/server/db/migrate";
import { queryRows } from "@/server/db/rows";
import { searchConcepts } from "@/server/search/concepts";
import { importEsco } from "@/server/taxonomy/esco/import";
import { buildTaxonomyIndex } from "@/server/taxonomy/index/build";
import { getTaxonomyIndex } from "@/server/taxonomy/index";
import { toTaxonomyConcepts } from "@/server/taxonomy/starter";
import { syntheticTaxonomy } from "@/server/taxonomy/synthetic";
import { upsertTaxonomy } from "@/server/taxonomy/upsert";
import { getTaxonomyVersion } from "@/server/taxonomy/version";
import type { Bench } from "./index";
import { flexSearchEngine, miniSearchEngine, type Engine } from "./search-libraries";
import { buildPrecisionQueries, buildQueries, type BenchQuery, type LabelRow, type PrecisionQuery, type QueryKind } from "./search-queries";

const LIMIT = 10;
const counts: Record<QueryKind, number> = { prefix: 300, prefix_multiword: 150, typo: 300, alt: 200 };

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;
const heapMb = () => {
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

/** What a first version would do: a case-insensitive substring scan over every label (all kinds of label, both languages). */
async function ilike(db: Db, q: string, type: string): Promise<string[]> {
  const rows = await queryRows<{ concept_id: string }>(
    db,
    sql`select concept_id from concept_labels where kind = ${type} and label ilike ${`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}
        group by concept_id order by min(length(label)) limit ${LIMIT}`,
  );
  return rows.map((r) => r.concept_id);
}

type System = { name: string; run: (q: { q: string; type: "skill" | "role"; lang: "nb" | "en" }) => Promise<string[]> | string[] };

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round((sorted[i] ?? 0) * 1000) / 1000;
}
const round3 = (x: number) => Math.round(x * 1000) / 1000;

async function measure(system: System, queries: BenchQuery[], precision: PrecisionQuery[]) {
  const times: number[] = [];
  const found: Record<QueryKind | "prefixDistinct", { hit: number; n: number }> = {
    prefix: { hit: 0, n: 0 }, prefixDistinct: { hit: 0, n: 0 }, prefix_multiword: { hit: 0, n: 0 }, typo: { hit: 0, n: 0 }, alt: { hit: 0, n: 0 },
  };
  for (const q of queries) {
    const started = performance.now();
    const ids = await system.run(q);
    times.push(performance.now() - started);
    const hit = ids.slice(0, LIMIT).includes(q.expected) ? 1 : 0;
    found[q.kind].hit += hit;
    found[q.kind].n++;
    if (q.kind === "prefix" && (q.sharedBy ?? Infinity) <= LIMIT) {
      found.prefixDistinct.hit += hit;
      found.prefixDistinct.n++;
    }
  }
  let precisionSum = 0;
  for (const q of precision) {
    const top = (await system.run(q)).slice(0, 5);
    precisionSum += top.length === 0 ? 0 : top.filter((id) => q.relevant.has(id)).length / top.length;
  }
  times.sort((a, b) => a - b);
  const recall = (k: keyof typeof found) => ({ value: found[k].n ? round3(found[k].hit / found[k].n) : 0, n: found[k].n });
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    max: percentile(times, 100),
    prefix: recall("prefix"),
    prefixDistinct: recall("prefixDistinct"),
    multiword: recall("prefix_multiword"),
    typo: recall("typo"),
    alt: recall("alt"),
    precision: round3(precisionSum / Math.max(1, precision.length)),
  };
}

async function loadTaxonomy(db: Db, esco: string | undefined): Promise<void> {
  const started = performance.now();
  const starter = toTaxonomyConcepts();
  await upsertTaxonomy(db, { source: "starter", concepts: starter.concepts, links: starter.links, removeMissing: false });
  if (esco) {
    console.error(`[bench:search] importing ESCO from ${esco} …`);
    const r = await importEsco(db, { dir: esco, removeMissing: false });
    console.error(`[bench:search] ESCO: ${r.concepts} concepts, ${r.labels} labels, ${r.links} links, ${r.skillRelations} related-skill pairs`);
  } else {
    const taxonomy = syntheticTaxonomy({ skills: 14000, roles: 3000, linksPerRole: 40, seed: 42 });
    await upsertTaxonomy(db, { source: "esco", concepts: taxonomy.concepts, links: taxonomy.links, removeMissing: true });
  }
  await db.execute(sql`analyze`);
  console.error(`[bench:search] taxonomy loaded in ${Math.round(performance.now() - started)} ms`);
}

export const bench: Bench = async ({ esco, emit }) => {
  const handle = await openPglite();
  try {
    await runMigrations(handle);
    await loadTaxonomy(handle.db, esco);
    const db = handle.db;
    const rows = await queryRows<LabelRow>(
      db,
      sql`select l.concept_id, c.uri, c.kind, l.lang, l.label_kind, l.label from concept_labels l join concepts c on c.id = l.concept_id order by l.id`,
    );
    const queries = buildQueries(rows, counts);
    const precision = buildPrecisionQueries(rows, { en: 300, nb: 150 });
    console.error(`[bench:search] ${rows.length} labels; ${queries.length} queries; ${precision.length} precision queries (${precision.filter((q) => q.lang === "nb").length} nb)`);
    const taxonomy = esco ? "esco+starter" : "synthetic+starter";

    // Index build: time and the heap it holds, measured on a build of its own.
    const version = await getTaxonomyVersion(db);
    const before = heapMb();
    const t0 = performance.now();
    const built = await buildTaxonomyIndex(db, version);
    const buildMs = performance.now() - t0;
    const heldMb = heapMb() - before;
    emit({ name: "taxonomy_index_build_ms", value: Math.round(buildMs), unit: "ms", n: built.labels.text.length });
    emit({ name: "taxonomy_index_heap_mb", value: Math.round(heldMb * 10) / 10, unit: "MB", n: built.labels.text.length });
    await getTaxonomyIndex(db); // the cached one searchConcepts uses

    const engines: Engine[] = [];
    for (const make of [miniSearchEngine, flexSearchEngine]) {
      const m0 = heapMb();
      const s0 = performance.now();
      const engine = make(rows);
      const ms = performance.now() - s0;
      const mb = heapMb() - m0;
      engines.push(engine);
      emit({ name: `${engine.name}_build_ms`, value: Math.round(ms), unit: "ms", baseline: Math.round(buildMs), n: rows.length });
      emit({ name: `${engine.name}_heap_mb`, value: Math.round(mb * 10) / 10, unit: "MB", baseline: Math.round(heldMb * 10) / 10, n: rows.length });
    }

    const systems: System[] = [
      { name: "index", run: (q) => searchConcepts(db, { q: q.q, type: q.type, lang: q.lang, limit: LIMIT }).then((r) => r.map((x) => x.conceptId)) },
      ...engines.map((e) => ({ name: e.name, run: (q: { q: string; type: "skill" | "role" }) => e.search(q.q, q.type, LIMIT) })),
      { name: "ilike", run: (q) => ilike(db, q.q, q.type) },
    ];
    // Warm every contender the same way.
    for (const s of systems) for (const q of queries.slice(0, 30)) await s.run(q);
    const results = new Map<string, Awaited<ReturnType<typeof measure>>>();
    for (const s of systems) {
      const r = await measure(s, queries, precision);
      results.set(s.name, r);
      console.error(`[bench:search] ${taxonomy} ${s.name}: p50 ${r.p50} p95 ${r.p95} p99 ${r.p99} max ${r.max} ms; recall@10 prefix ${r.prefix.value} (shared by <=10 concepts ${r.prefixDistinct.value}) multi-word ${r.multiword.value} typo ${r.typo.value} alt ${r.alt.value}; precision@5 ${r.precision}`);
    }
    const base = results.get("ilike");
    const n = queries.length;
    for (const [name, r] of results) {
      if (name === "ilike" || !base) continue;
      const prefix = name === "index" ? "autocomplete" : name;
      emit({ name: `${prefix}_p50_ms`, value: r.p50, unit: "ms", baseline: base.p50, n });
      emit({ name: `${prefix}_p95_ms`, value: r.p95, unit: "ms", baseline: base.p95, n });
      emit({ name: `${prefix}_p99_ms`, value: r.p99, unit: "ms", baseline: base.p99, n });
      emit({ name: `${prefix}_prefix_recall_at_10`, value: r.prefix.value, unit: "ratio", baseline: base.prefix.value, n: r.prefix.n });
      // A prefix shared by more than ten concepts cannot have its one expected concept in every top 10.
      emit({ name: `${prefix}_distinct_prefix_recall_at_10`, value: r.prefixDistinct.value, unit: "ratio", baseline: base.prefixDistinct.value, n: r.prefixDistinct.n });
      emit({ name: `${prefix}_multiword_prefix_recall_at_10`, value: r.multiword.value, unit: "ratio", baseline: base.multiword.value, n: r.multiword.n });
      emit({ name: `${prefix}_typo_recall_at_10`, value: r.typo.value, unit: "ratio", baseline: base.typo.value, n: r.typo.n });
      emit({ name: `${prefix}_alt_label_recall_at_10`, value: r.alt.value, unit: "ratio", baseline: base.alt.value, n: r.alt.n });
      emit({ name: `${prefix}_precision_at_5`, value: r.precision, unit: "ratio", baseline: base.precision, n: precision.length });
    }
    const index = results.get("index");
    if (index && base) emit({ name: "autocomplete_speedup_p95", value: Math.round((base.p95 / Math.max(index.p95, 0.001)) * 10) / 10, unit: "x", n });
  } finally {
    await handle.close();
  }
};
