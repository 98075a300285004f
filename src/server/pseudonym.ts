import "server-only";
import { createHmac } from "node:crypto";
import type { Env } from "@/env";
import { localSecret } from "@/server/local-secret";

export type Keyring = { current: { id: string; secret: string }; all: { id: string; secret: string }[] };

/**
 * SEARCH_LOG_KEY is either one secret (key id "k1") or a comma-separated list "id:secret,..."
 * whose first entry is current. Older keys stay listed so old pseudonyms remain resolvable for
 * the user's own export and erasure.
 */
export function parseKeyring(value: string): Keyring {
  const entries = value.split(",").map((part, i) => {
    const at = part.indexOf(":");
    return at > 0 ? { id: part.slice(0, at).trim(), secret: part.slice(at + 1).trim() } : { id: `k${i + 1}`, secret: part.trim() };
  });
  const current = entries[0];
  if (!current || entries.some((e) => !e.id || e.secret.length < 16)) {
    throw new Error("SEARCH_LOG_KEY must be a secret of at least 16 characters, or a list id:secret,...");
  }
  return { current, all: entries };
}

export function pseudonymWith(secret: string, userId: string): string {
  return createHmac("sha256", secret).update(userId).digest("base64url").slice(0, 22);
}

/** SEARCH_LOG_KEY, or in embedded mode a secret generated once under DATA_DIR. */
export function keyringFrom(env: Env): Keyring {
  return parseKeyring(env.SEARCH_LOG_KEY ?? `k1:${localSecret(env.dataDir, "search-log-key")}`);
}

/** The pseudonym new events are stored under: HMAC-SHA-256(user id) under the current key. */
export function pseudonymFor(userId: string, ring: Keyring): { pseudonym: string; keyId: string } {
  return { pseudonym: pseudonymWith(ring.current.secret, userId), keyId: ring.current.id };
}

/** Every pseudonym this user may have had, one per known key: for their export and erasure. */
export function allPseudonymsFor(userId: string, ring: Keyring): { pseudonym: string; keyId: string }[] {
  return ring.all.map((k) => ({ pseudonym: pseudonymWith(k.secret, userId), keyId: k.id }));
}
