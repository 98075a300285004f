// Matching latency for a 30-skill profile (25 taxonomy skills + 5 custom labels) over the ESCO-size
// synthetic taxonomy (3k roles, 14k skills, ~120k links) on in-memory PGlite, local embedder.
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { openPglite } from "../../src/server/db/client";
import { runMigrations } from "../../src/server/db/migrate";
import { queryRows } from "../../src/server/db/rows";
import { embedConcepts } from "../../src/server/embeddings/concepts";
import { createLocalEmbedder } from "../../src/server/embeddings/local";
import { matchRoles } from "../../src/server/matching/match";
import type { UserSkillInput } from "../../src/server/matching/types";
import { syntheticTaxonomy } from "../../src/server/taxonomy/synthetic";
import { upsertTaxonomy } from "../../src/server/taxonomy/upsert";
import type { Bench } from "./index";

const RUNS = 60;
const WARMUP = 5;

function percentile(sorted: number[], p: number): number {
  const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[at] ?? 0;
}

export const bench: Bench = async ({ emit }) => {
  const handle = await openPglite();
  try {
    await runMigrations(handle);
    const db = handle.db;
    const taxonomy = syntheticTaxonomy({ skills: 14000, roles: 3000, linksPerRole: 40, seed: 42 });
    const result = await upsertTaxonomy(db, { source: "esco", concepts: taxonomy.concepts, links: taxonomy.links, removeMissing: true });
    const embedder = createLocalEmbedder();
    // Bulk load: building the HNSW index once after the inserts is far faster than growing it row by row.
    await db.execute(sql`drop index if exists concept_embeddings_hnsw_idx`);
    await embedConcepts(db, embedder);
    await db.execute(sql`create index concept_embeddings_hnsw_idx on concept_embeddings using hnsw (embedding vector_cosine_ops)`);
    console.error(`[bench] matching: ${result.added} concepts, ${result.links} links loaded`);

    const skillIds = (await queryRows<{ id: string }>(db, sql`select id from concepts where kind = 'skill' order by uri`)).map((r) => r.id);
    let state = 7;
    const next = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    const profile = (run: number): UserSkillInput[] => [
      ...Array.from({ length: 25 }, () => ({ conceptId: skillIds[Math.floor(next() * skillIds.length)] ?? "" })),
      ...["maintain marine engines", "digital budgets", "inspect welds", "calibrate sensors", "teach safety routines"].map((l) => ({
        customLabel: `${l} ${run % 3 === 0 ? "" : "and tools"}`.trim(),
      })),
    ];
    const times: number[] = [];
    for (let run = 0; run < RUNS + WARMUP; run++) {
      const skills = profile(run);
      const started = performance.now();
      const out = await matchRoles(db, { skills, lang: "en", limit: 10, embedder });
      const ms = performance.now() - started;
      if (out.status !== "ok" || out.roles.length === 0) throw new Error(`matching returned ${out.status} with no roles`);
      if (run >= WARMUP) times.push(ms);
    }
    times.sort((a, b) => a - b);
    const round = (v: number) => Math.round(v * 10) / 10;
    emit({ name: "matching_p50_ms", value: round(percentile(times, 50)), unit: "ms", n: times.length });
    emit({ name: "matching_p95_ms", value: round(percentile(times, 95)), unit: "ms", n: times.length });
  } finally {
    await handle.close();
  }
};
