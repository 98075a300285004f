// Embedded PGlite has no autovacuum, so after an import the planner knows nothing about the taxonomy
// tables and picks sequential scans over the HNSW index (seconds instead of milliseconds per match).
// Matching and search refresh their statistics when they are missing or stale: at most once a minute.
import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { queryRows } from "@/server/db/rows";
import { log } from "@/server/log";

const TABLES = ["concepts", "concept_labels", "role_skills", "concept_embeddings"] as const;
const CHECK_EVERY_MS = 60_000;
const checked = new WeakMap<Db, { at: number; running: Promise<void> }>();

export function ensurePlannerStats(db: Db): Promise<void> {
  const now = Date.now();
  const last = checked.get(db);
  if (last && now - last.at < CHECK_EVERY_MS) return last.running;
  const running = refresh(db).catch((error: unknown) => {
    // Statistics are an optimisation: a database that refuses ANALYZE still answers, only slower.
    log.error("db", "could not refresh planner statistics", { error });
  });
  checked.set(db, { at: now, running });
  return running;
}

async function refresh(db: Db): Promise<void> {
  const rows = await queryRows<{ relname: string; live: number; changed: number; analyzed: boolean }>(
    db,
    sql`select relname, n_live_tup::float8 as live, n_mod_since_analyze::float8 as changed,
          (last_analyze is not null or last_autoanalyze is not null) as analyzed
        from pg_stat_user_tables where relname in ('concepts', 'concept_labels', 'role_skills', 'concept_embeddings')`,
  );
  const stale = TABLES.filter((name) => {
    const row = rows.find((r) => r.relname === name);
    if (!row) return false;
    return (!row.analyzed && Number(row.live) + Number(row.changed) > 0) || Number(row.changed) > 0.2 * Math.max(1000, Number(row.live));
  });
  if (stale.length > 0) await db.execute(sql.raw(`analyze ${stale.join(", ")}`));
}
