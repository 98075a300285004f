import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { users } from "@/server/db/schema";
import { getKeyring } from "@/server/adapters";
import type { Keyring } from "@/server/pseudonym";
import { removeUnrolledEventsFor } from "@/server/stats/rollup";

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
 * user's raw statistics rows not yet rolled up into anonymous aggregates (the stats domain knows
 * which those are); the rollup itself skips objecting users from then on.
 */
export async function setObjected(db: Db, p: { userId: string; objected: boolean; now?: Date; ring?: Keyring }): Promise<{ objectedAt: Date | null }> {
  const objectedAt = p.objected ? (p.now ?? new Date()) : null;
  const [row] = await db.update(users).set({ objectedAt, updatedAt: new Date() }).where(eq(users.id, p.userId)).returning({ objectedAt: users.objectedAt });
  if (row && p.objected) await removeUnrolledEventsFor(db, p.userId, p.ring ?? getKeyring());
  return { objectedAt: row?.objectedAt ?? null };
}
