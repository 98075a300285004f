// npm run bench -- matching [--esco <dir>] — matching latency through the product's own paths:
//   matching_profile30: a 30-skill profile (25 taxonomy skills + 5 custom labels), matchRoles;
//   matching_text2000: a 2,000-character text (sentences from the taxonomy's own labels and
//   descriptions), matchByText.
// With --esco the ESCO download is imported into in-memory PGlite; without it an ESCO-size synthetic
// taxonomy (3k roles, 14k skills, ~120k links). Local embedder. The in-process indexes are built
// once (warm-up), as in a running server.
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { openPglite, type Db } from "@/server/db/client";
import { runMigrations } from "@/server/db/migrate";
import { queryRows } from "@/server/db/rows";
import { embedConcepts } from "@/server/embeddings/concepts";
import { createLocalEmbedder } from "@/server/embeddings/local";
import { matchByText } from "@/server/matching/by-text";
import { matchRoles } from "@/server/matching/match";
import type { UserSkillInput } from "@/server/matching/types";
import { importEsco } from "@/server/taxonomy/esco/import";
import { syntheticTaxonomy } from "@/server/taxonomy/synthetic";
import { upsertTaxonomy } from "@/server/taxonomy/upsert";
import { rng } from "@/server/seeded-random";
import type { Bench } from "./index";

const RUNS = 60;
const WARMUP = 5;
const TEXT_CHARS = 2000;

function percentile(sorted: number[], p: number): number {
  const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[at] ?? 0;
}

async function timed(run: (i: number) => Promise<void>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RUNS + WARMUP; i++) {
    const started = performance.now();
    await run(i);
    if (i >= WARMUP) times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

/** Sentences from role descriptions and skill labels, cut to `chars`. */
async function taxonomyText(db: Db, next: () => number, chars: number): Promise<string> {
  const roles = await queryRows<{ description: string | null }>(db, sql`select descriptions->>'en' as description from concepts where kind = 'role' order by uri`);
  const skills = await queryRows<{ label: string }>(
    db,
    sql`select l.label from concept_labels l join concepts c on c.id = l.concept_id where c.kind = 'skill' and l.label_kind = 'preferred' and l.lang = 'en' order by c.uri`,
  );
  let text = "";
  while (text.length < chars) {
    const role = roles[Math.floor(next() * roles.length)]?.description ?? "";
    const tools = Array.from({ length: 4 }, () => skills[Math.floor(next() * skills.length)]?.label ?? "").join(", ");
    text += `${role} I am good at ${tools}. `;
  }
  return text.slice(0, chars);
}

export const bench: Bench = async ({ esco, emit }) => {
  const handle = await openPglite();
  try {
    await runMigrations(handle);
    const db = handle.db;
    if (esco) {
      await importEsco(db, { dir: esco });
    } else {
      const taxonomy = syntheticTaxonomy({ skills: 14000, roles: 3000, linksPerRole: 40, seed: 42 });
      await upsertTaxonomy(db, { source: "esco", concepts: taxonomy.concepts, links: taxonomy.links, removeMissing: true });
    }
    const embedder = createLocalEmbedder();
    // Bulk load: building the HNSW index once after the inserts is far faster than growing it row by row.
    await db.execute(sql`drop index if exists concept_embeddings_hnsw_idx`);
    await embedConcepts(db, embedder);
    await db.execute(sql`create index concept_embeddings_hnsw_idx on concept_embeddings using hnsw (embedding vector_cosine_ops)`);
    console.error(`[bench] matching: ${esco ? "ESCO" : "synthetic"} taxonomy loaded and embedded`);

    const skillIds = (await queryRows<{ id: string }>(db, sql`select id from concepts where kind = 'skill' order by uri`)).map((r) => r.id);
    const next = rng(7);
    const profile = (run: number): UserSkillInput[] => [
      ...Array.from({ length: 25 }, () => ({ conceptId: skillIds[Math.floor(next() * skillIds.length)] ?? "" })),
      ...["maintain marine engines", "digital budgets", "inspect welds", "calibrate sensors", "teach safety routines"].map((l) => ({
        customLabel: `${l} ${run % 3 === 0 ? "" : "and tools"}`.trim(),
      })),
    ];
    const profileTimes = await timed(async (run) => {
      const out = await matchRoles(db, { skills: profile(run), lang: "en", limit: 10, embedder });
      if (out.status !== "ok" || out.roles.length === 0) throw new Error(`matching returned ${out.status} with no roles`);
    });
    const texts = await Promise.all(Array.from({ length: 8 }, () => taxonomyText(db, next, TEXT_CHARS)));
    const textTimes = await timed(async (run) => {
      const out = await matchByText(db, { text: texts[run % texts.length] ?? "", lang: "en", limit: 10, embedder });
      if (out.status !== "ok" || out.roles.length === 0) throw new Error(`text matching returned ${out.status} with no roles`);
    });
    const round = (v: number) => Math.round(v * 10) / 10;
    for (const [name, times] of [["matching_profile30", profileTimes], ["matching_text2000", textTimes]] as const) {
      emit({ name: `${name}_p50_ms`, value: round(percentile(times, 50)), unit: "ms", n: times.length });
      emit({ name: `${name}_p95_ms`, value: round(percentile(times, 95)), unit: "ms", n: times.length });
    }
  } finally {
    await handle.close();
  }
};
