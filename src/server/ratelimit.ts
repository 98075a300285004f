import "server-only";
import { createHmac } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { queryRows } from "@/server/db/rows";
import { AppError } from "@/server/errors";
import { getKeyring } from "@/server/adapters";
import { trustedClientAddress, type AddressSource } from "@/server/http/client-address";

export type RateLimitResult = { allowed: boolean; limit: number; remaining: number; retryAfterSeconds: number };

/**
 * The counter key for a subject: `scope:` + a keyed hash, so the table never holds a user id or an
 * IP address (an unkeyed hash of an IPv4 address is reversed by trying them all).
 */
export function rateLimitKey(scope: string, subject: string, secret = getKeyring().current.secret): string {
  return `${scope}:${createHmac("sha256", secret).update(`ratelimit\u0000${subject}`).digest("base64url").slice(0, 22)}`;
}

/** The search limiter's key and limit: per user when signed in, per (hashed) address otherwise. */
export function searchRateLimit(
  user: { id: string } | null,
  headers: Headers,
  source: AddressSource,
): { key: string; limit: number; windowSeconds: number } {
  // Autocomplete sends a request per pause in typing, so the limits are generous.
  return user
    ? { key: rateLimitKey("search", `user:${user.id}`), limit: 120, windowSeconds: 60 }
    : { key: rateLimitKey("search", `ip:${trustedClientAddress(headers, source)}`), limit: 60, windowSeconds: 60 };
}

const sweepEveryMs = 5 * 60_000;
let lastSweepMs = Number.NEGATIVE_INFINITY;

/**
 * Counts one request in a fixed window shared by every server instance (one atomic upsert).
 * A new window resets the count to 1.
 */
export async function hitRateLimit(
  db: Db,
  p: { key: string; limit: number; windowSeconds: number; now?: Date },
): Promise<RateLimitResult> {
  const nowMs = (p.now ?? new Date()).getTime();
  const windowMs = p.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(nowMs / windowMs) * windowMs);
  const rows = await queryRows<{ count: number }>(
    db,
    sql`insert into rate_limit_windows (key, window_start, count) values (${p.key}, ${windowStart.toISOString()}::timestamptz, 1)
        on conflict (key) do update set
          count = case when rate_limit_windows.window_start = excluded.window_start then rate_limit_windows.count + 1 else 1 end,
          window_start = excluded.window_start
        returning count`,
  );
  const count = Number(rows[0]?.count ?? 1);
  if (count === 1 && nowMs - lastSweepMs >= sweepEveryMs) {
    // A window just (re)started: sweep counters nobody has touched for a day. At most every few
    // minutes per process; with many users a new window starts on almost every request.
    lastSweepMs = nowMs;
    await db.execute(sql`delete from rate_limit_windows where window_start < ${new Date(nowMs - 86_400_000).toISOString()}::timestamptz`);
  }
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - nowMs) / 1000));
  return { allowed: count <= p.limit, limit: p.limit, remaining: Math.max(0, p.limit - count), retryAfterSeconds };
}

/** Throws a 429 AppError (with Retry-After) when the subject is over its limit. */
export async function enforceRateLimit(db: Db, p: { key: string; limit: number; windowSeconds: number; now?: Date }): Promise<RateLimitResult> {
  const result = await hitRateLimit(db, p);
  if (!result.allowed) {
    throw new AppError("rate_limited", "Too many requests. Wait a moment and try again.", { retryAfterSeconds: result.retryAfterSeconds });
  }
  return result;
}

export type LimitedAction = "extract" | "avatar" | "matches" | "role_page";

/**
 * Limits for expensive work, per user (per trusted address for anonymous role pages): extraction
 * pays for an OpenAI call, avatar processing runs sharp, /matches and /roles/[id] run vector
 * queries over the taxonomy.
 */
const expensiveLimits: Record<LimitedAction, { user: number; anonymous: number; windowSeconds: number }> = {
  extract: { user: 10, anonymous: 0, windowSeconds: 600 },
  avatar: { user: 10, anonymous: 0, windowSeconds: 600 },
  matches: { user: 30, anonymous: 0, windowSeconds: 60 },
  role_page: { user: 60, anonymous: 30, windowSeconds: 60 },
};

export function expensiveRateLimit(
  action: LimitedAction,
  caller: { user: { id: string } | null; headers?: Headers; source?: AddressSource },
): { key: string; limit: number; windowSeconds: number } {
  const l = expensiveLimits[action];
  return caller.user
    ? { key: rateLimitKey(action, `user:${caller.user.id}`), limit: l.user, windowSeconds: l.windowSeconds }
    : { key: rateLimitKey(action, `ip:${trustedClientAddress(caller.headers ?? new Headers(), caller.source ?? { kind: "none" })}`), limit: l.anonymous, windowSeconds: l.windowSeconds };
}
