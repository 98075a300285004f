import "server-only";
import { createHmac } from "node:crypto";
import { inArray, lt } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { erasedIdentities } from "@/server/db/schema";
import { getKeyring } from "@/server/adapters";
import type { Keyring } from "@/server/pseudonym";

/** Longer than a Clerk session token (60 s) or svix's retry schedule (about a day and a half) can live. */
export const tombstoneRetentionDays = 30;

type Tx = Pick<Db, "insert" | "select" | "delete">;

function tombstoneKey(secret: string, clerkId: string): string {
  return createHmac("sha256", secret).update(`tombstone\u0000clerk:${clerkId}`).digest("base64url").slice(0, 32);
}

/** Marks a Clerk account as erased (idempotent). Stored under the current key only. */
export async function recordErasedClerkId(db: Tx, clerkId: string, ring: Keyring = getKeyring()): Promise<void> {
  await db.insert(erasedIdentities).values({ key: tombstoneKey(ring.current.secret, clerkId), keyId: ring.current.id }).onConflictDoNothing();
}

/** True when this Clerk account was erased here: checked under every known key. */
export async function isErasedClerkId(db: Tx, clerkId: string, ring: Keyring = getKeyring()): Promise<boolean> {
  const keys = ring.all.map((k) => tombstoneKey(k.secret, clerkId));
  const rows = await db.select({ key: erasedIdentities.key }).from(erasedIdentities).where(inArray(erasedIdentities.key, keys)).limit(1);
  return rows.length > 0;
}

export async function purgeTombstones(db: Tx, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - tombstoneRetentionDays * 86_400_000);
  const gone = await db.delete(erasedIdentities).where(lt(erasedIdentities.erasedAt, cutoff)).returning({ key: erasedIdentities.key });
  return gone.length;
}
