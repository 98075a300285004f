import { sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { queryRows } from "@/server/db/rows";
import { concepts, loginEvents, pageViewCounters, profileEvents, searchLog, users } from "@/server/db/schema";
import { parseKeyring, pseudonymFor } from "@/server/pseudonym";
import { bumpTaxonomyVersion } from "@/server/taxonomy/version";

export const ring = parseKeyring("k2:new-secret-0123456789abcdef,k1:old-secret-0123456789abcdef");
export const oldRing = parseKeyring("k1:old-secret-0123456789abcdef");

export async function makeConcept(db: Db, uri: string, kind: "skill" | "role" = "skill") {
  const [c] = await db.insert(concepts).values({ uri, kind, source: "starter" }).returning({ id: concepts.id });
  if (!c) throw new Error("no concept");
  await bumpTaxonomyVersion(db);
  return c.id;
}

export async function makeUsers(db: Db, n: number, prefix = "u") {
  const rows = await db
    .insert(users)
    .values(Array.from({ length: n }, (_, i) => ({ email: `${prefix}${i}@test.local`, displayName: `${prefix}${i}` })))
    .returning({ id: users.id });
  return rows.map((r) => r.id);
}

/** Each user searches `query` once on `day` (noon UTC), pseudonymised under `r`. */
export async function searchesBy(db: Db, userIds: string[], day: string, query: string, conceptId: string | null, r = ring) {
  if (userIds.length === 0) return;
  await db.insert(searchLog).values(
    userIds.map((id) => ({
      occurredAt: new Date(`${day}T12:00:00Z`),
      query,
      searchType: "skill" as const,
      resolvedConceptId: conceptId,
      ...pseudonymFor(id, r),
    })),
  );
}

export async function addedBy(db: Db, userIds: string[], day: string, conceptId: string) {
  await db.insert(profileEvents).values(
    userIds.map((id) => ({ occurredAt: new Date(`${day}T09:00:00Z`), kind: "skill_added" as const, conceptId, ...pseudonymFor(id, ring) })),
  );
}

export async function loginsBy(db: Db, userIds: string[], day: string) {
  await db.insert(loginEvents).values(userIds.map((userId) => ({ userId, occurredAt: new Date(`${day}T08:00:00Z`), method: "local" as const })));
}

export async function viewsBy(db: Db, userIds: string[], day: string, route: string, count = 1) {
  await db.insert(pageViewCounters).values(userIds.map((userId) => ({ userId, day, route, count })));
}

export async function cells(db: Db) {
  return queryRows<{ day: string; metric: string; dim: string; key: string; events: number; people: number }>(
    db,
    sql`select day::text as day, metric, dim, key, events::int as events, people from stats_daily order by metric, dim, key, day`,
  );
}
