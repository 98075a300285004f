import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Vercel cron sends `Authorization: Bearer <CRON_SECRET>`. Both sides are hashed first so the
 * timing-safe compare sees equal lengths and the secret's length does not leak. No secret
 * configured means no caller is accepted.
 */
export function isCronAuthorized(authorization: string | null, secret: string | undefined): boolean {
  if (!secret || !authorization) return false;
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(authorization), digest(`Bearer ${secret}`));
}
