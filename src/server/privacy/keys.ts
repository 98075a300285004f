import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { queryRows } from "@/server/db/rows";
import type { Keyring } from "@/server/pseudonym";

const keyedTables = ["search_log", "profile_events", "erased_identities"] as const;

/**
 * The key ids stored rows use, found by skipping through each table's key_id index (a few index
 * probes per distinct id, not a scan), so the check is cheap enough for every server start.
 */
export async function usedKeyIds(db: Db): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const table of keyedTables) {
    const t = sql.raw(table);
    const rows = await queryRows<{ id: string }>(
      db,
      sql`with recursive k(id) as (
            (select key_id from ${t} order by key_id limit 1)
            union all
            select (select key_id from ${t} where key_id > k.id order by key_id limit 1) from k where k.id is not null
          ) select id from k where id is not null`,
    );
    for (const r of rows) ids.add(r.id);
  }
  return ids;
}

/** Rows per key id in every table that stores a keyed pseudonym or hash (for the CLI; reads the tables). */
export async function keyUsage(db: Db): Promise<Map<string, number>> {
  const rows = await queryRows<{ keyId: string; n: number }>(
    db,
    sql`select key_id as "keyId", count(*)::int as n from (
          select key_id from search_log union all select key_id from profile_events union all select key_id from erased_identities
        ) k group by key_id`,
  );
  return new Map(rows.map((r) => [r.keyId, Number(r.n)]));
}

/**
 * Checked at start: a key id still referenced by stored rows but missing from SEARCH_LOG_KEY would
 * make those rows unreachable for the owner's export and erasure. Returns one line naming the fix,
 * or null when the keyring covers everything.
 */
export async function missingKeyProblem(db: Db, ring: Keyring): Promise<string | null> {
  // Demo activity (src/server/seed/demo-activity.ts) is generated for made-up people under no real key.
  const known = new Set([...ring.all.map((k) => k.id), "demo"]);
  const missing = [...(await usedKeyIds(db))].filter((id) => !known.has(id));
  if (missing.length === 0) return null;
  const list = missing.join(", ");
  return `SEARCH_LOG_KEY lacks key id(s) still used by stored rows: ${list}. Add them back as id:secret after the current key`;
}

/** Older keys no stored row references any more: safe to remove from SEARCH_LOG_KEY. */
export async function retirableKeys(db: Db, ring: Keyring): Promise<string[]> {
  const used = await usedKeyIds(db);
  return ring.all.filter((k) => k.id !== ring.current.id && !used.has(k.id)).map((k) => k.id);
}
