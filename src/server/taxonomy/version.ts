// The taxonomy version: bumped by every write to the taxonomy (import, embed, seed) so that each
// server process can tell, with one cheap read, whether its in-memory structures (the search index,
// matching's role and text indexes) are stale.
import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { queryRows } from "@/server/db/rows";

/** Within this long the last read stands, so a busy process reads the version once a second, not per request. */
const CHECK_INTERVAL_MS = 1000;
const checked = new WeakMap<Db, { version: Promise<number>; at: number; generation: number }>();
/** Moved by this process's own taxonomy writes, which are then seen at once rather than within a second. */
let localGeneration = 0;

/**
 * The taxonomy version for cache keys: read at most once a second per database, and at once after
 * a write from this process. A version bumped by another process is seen within about a second.
 */
export function currentTaxonomyVersion(db: Db): Promise<number> {
  const now = Date.now();
  const last = checked.get(db);
  if (last && now - last.at < CHECK_INTERVAL_MS && last.generation === localGeneration) return last.version;
  const version = getTaxonomyVersion(db);
  checked.set(db, { version, at: now, generation: localGeneration });
  version.catch(() => checked.delete(db));
  return version;
}

/** The current taxonomy version; 0 when nothing has bumped it yet. */
export async function getTaxonomyVersion(db: Db): Promise<number> {
  const rows = await queryRows<{ version: number }>(db, sql`select version from taxonomy_version where id = 1`);
  return Number(rows[0]?.version ?? 0);
}

/** Moves the version on; returns the new one. Call it after (or inside) every taxonomy write. */
export async function bumpTaxonomyVersion(db: Db): Promise<number> {
  const rows = await queryRows<{ version: number }>(
    db,
    sql`insert into taxonomy_version (id, version, updated_at) values (1, 1, now())
        on conflict (id) do update set version = taxonomy_version.version + 1, updated_at = now()
        returning version`,
  );
  localGeneration++;
  return Number(rows[0]?.version ?? 0);
}
