// The taxonomy version: bumped by every write to the taxonomy (import, embed, seed) so that each
// server process can tell, with one cheap read, whether its in-memory index is stale.
import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { queryRows } from "@/server/db/rows";
import { noteLocalTaxonomyChange } from "./index/cache";

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
  noteLocalTaxonomyChange();
  return Number(rows[0]?.version ?? 0);
}
