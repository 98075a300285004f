// The key in-process matching structures are cached under: it changes whenever the taxonomy does
// (every import rewrites the concepts it touches, bumping updated_at). At merge this points at
// src/server/taxonomy/version.ts (getTaxonomyVersion), built for search.
import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { queryRows } from "@/server/db/rows";

/** Within this long the last answer stands: one query per second, not one per match. */
const RECHECK_MS = 1000;
const last = new WeakMap<Db, { at: number; version: Promise<string> }>();

export function matchingTaxonomyVersion(db: Db): Promise<string> {
  const now = Date.now();
  const known = last.get(db);
  if (known && now - known.at < RECHECK_MS) return known.version;
  const version = queryRows<{ concepts: number; updated: string | null }>(
    db,
    sql`select count(*)::int as concepts, max(updated_at)::text as updated from concepts`,
  ).then(([row]) => `${row?.concepts ?? 0}:${row?.updated ?? ""}`);
  last.set(db, { at: now, version });
  return version;
}
