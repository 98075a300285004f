import "server-only";
import type { Db } from "@/server/db/client";
import type { User } from "@/server/db/schema";
import { isErasedClerkId } from "@/server/privacy/tombstones";
import type { Keyring } from "@/server/pseudonym";
import { findUserByClerkId, upsertClerkUser } from "@/server/users/queries";
import type { Identity } from "./types";

/**
 * Our row for a verified Clerk session. A first visit before the user.created webhook creates it
 * from the token's claims; an erased account (tombstone) gets nothing, so a token that is still
 * valid for a few seconds after deletion cannot bring the person back. The role is ours (kept in
 * step with Clerk by the webhook), never the token's claim alone.
 */
export async function userForClerkIdentity(db: Db, identity: Extract<Identity, { provider: "clerk" }>, ring?: Keyring): Promise<User | null> {
  const known = await findUserByClerkId(db, identity.clerkId);
  if (known) return known;
  if (await isErasedClerkId(db, identity.clerkId, ring)) return null;
  const created = await upsertClerkUser(db, {
    clerkId: identity.clerkId,
    email: identity.email ?? `${identity.clerkId}@users.clerk`,
    displayName: identity.name ?? identity.email ?? "Evne user",
    role: identity.role === "admin" ? "admin" : "user",
  });
  return created ?? (await findUserByClerkId(db, identity.clerkId));
}
