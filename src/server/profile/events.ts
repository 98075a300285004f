import "server-only";
import type { Db } from "@/server/db/client";
import { profileEvents } from "@/server/db/schema";
import { getKeyring } from "@/server/adapters";
import { pseudonymFor } from "@/server/pseudonym";

/** Who acts, as far as profile statistics need to know. */
export type Actor = { id: string; restricted: boolean; objected: boolean };

/**
 * A pseudonymous "skill/role added" event for statistics: concept id, pseudonym, key id, time.
 * Nothing is written while the user restricts processing or objects to statistics.
 */
export async function recordProfileEvent(db: Db, actor: Actor, p: { kind: "skill_added" | "role_added"; conceptId: string }) {
  if (actor.restricted || actor.objected) return;
  const { pseudonym, keyId } = pseudonymFor(actor.id, getKeyring());
  await db.insert(profileEvents).values({ kind: p.kind, conceptId: p.conceptId, pseudonym, keyId });
}
