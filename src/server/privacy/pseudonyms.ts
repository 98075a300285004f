import "server-only";
import { getKeyring } from "@/server/adapters";
import { allPseudonymsFor, type Keyring } from "@/server/pseudonym";

/** Every pseudonym the user may have had (one per known key), as plain strings for `IN (...)`. */
export function pseudonymsOf(userId: string, ring: Keyring = getKeyring()): string[] {
  return allPseudonymsFor(userId, ring).map((p) => p.pseudonym);
}
