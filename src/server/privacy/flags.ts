import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { profileEvents, searchLog, users } from "@/server/db/schema";
import type { Keyring } from "@/server/pseudonym";
import { pseudonymsOf } from "./pseudonyms";

/**
 * Restriction of processing (GDPR art. 18). While set, matching, recommendations, search logging
 * and statistics skip this user (they check SessionUser.restricted); the data is kept and exportable.
 */
export async function setRestricted(db: Db, p: { userId: string; restricted: boolean; now?: Date }): Promise<{ restrictedAt: Date | null }> {
  const restrictedAt = p.restricted ? (p.now ?? new Date()) : null;
  const [row] = await db.update(users).set({ restrictedAt, updatedAt: new Date() }).where(eq(users.id, p.userId)).returning({ restrictedAt: users.restrictedAt });
  return { restrictedAt: row?.restrictedAt ?? null };
}

/**
 * Objection to statistics and service improvement (GDPR art. 21). Setting it also removes the
 * user's raw statistics rows that have not yet been rolled up into anonymous aggregates.
 */
export async function setObjected(db: Db, p: { userId: string; objected: boolean; now?: Date; ring?: Keyring }): Promise<{ objectedAt: Date | null }> {
  const objectedAt = p.objected ? (p.now ?? new Date()) : null;
  const [row] = await db.update(users).set({ objectedAt, updatedAt: new Date() }).where(eq(users.id, p.userId)).returning({ objectedAt: users.objectedAt });
  if (row && p.objected) await removeUnrolledEvents(db, { userId: p.userId, ring: p.ring });
  return { objectedAt: row?.objectedAt ?? null };
}

/**
 * The user's raw, pseudonymous statistics input (search log, profile events) under every key.
 * Aggregates already rolled up are anonymous and stay; these rows are what is not yet rolled up.
 */
export async function removeUnrolledEvents(db: Db, p: { userId: string; ring?: Keyring }): Promise<{ searches: number; events: number }> {
  const pseudonyms = pseudonymsOf(p.userId, p.ring);
  const searches = await db.delete(searchLog).where(inArray(searchLog.pseudonym, pseudonyms)).returning({ id: searchLog.id });
  const events = await db.delete(profileEvents).where(inArray(profileEvents.pseudonym, pseudonyms)).returning({ id: profileEvents.id });
  return { searches: searches.length, events: events.length };
}
