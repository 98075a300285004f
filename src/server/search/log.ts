import "server-only";
import type { SessionUser } from "@/server/auth/types";
import type { Db } from "@/server/db/client";
import { searchLog } from "@/server/db/schema";
import { getKeyring } from "@/server/adapters";
import { pseudonymFor, type Keyring } from "@/server/pseudonym";
import { normalizeQuery } from "./query";

/**
 * Records a search under the user's pseudonym (never their id). Nothing is written for anonymous
 * visitors, for users who restricted processing (art. 18) or who object to statistics (art. 21).
 */
export async function logSearch(
  db: Db,
  p: { user: Pick<SessionUser, "id" | "restricted" | "objected"> | null; query: string; type: "skill" | "role"; resolvedConceptId: string | null },
  ring?: Keyring,
): Promise<boolean> {
  if (!p.user || p.user.restricted || p.user.objected) return false;
  const query = normalizeQuery(p.query);
  // One letter says nothing about demand; autocomplete sends one on every first keystroke.
  if ([...query].length < 2) return false;
  const { pseudonym, keyId } = pseudonymFor(p.user.id, ring ?? getKeyring());
  await db.insert(searchLog).values({ query, searchType: p.type, resolvedConceptId: p.resolvedConceptId, pseudonym, keyId });
  return true;
}
