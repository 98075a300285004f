import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { queryRows } from "@/server/db/rows";
import type { Keyring } from "@/server/pseudonym";

/** Rows per key id in every table that stores a keyed pseudonym or hash. */
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
  const missing = [...(await keyUsage(db))].filter(([id]) => !known.has(id));
  if (missing.length === 0) return null;
  const list = missing.map(([id, n]) => `${id} (${n} rows)`).join(", ");
  return `SEARCH_LOG_KEY lacks key id(s) still used by stored rows: ${list}. Add them back as id:secret after the current key`;
}

/** Older keys no stored row references any more: safe to remove from SEARCH_LOG_KEY. */
export async function retirableKeys(db: Db, ring: Keyring): Promise<string[]> {
  const usage = await keyUsage(db);
  return ring.all.filter((k) => k.id !== ring.current.id && !usage.has(k.id)).map((k) => k.id);
}
