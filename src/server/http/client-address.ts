import "server-only";

/**
 * Where the caller's address comes from, per deployment target (see README, "Rate limits"):
 * - `vercel`: Vercel's edge sets `x-vercel-forwarded-for` (and `x-real-ip`) itself and overwrites
 *   whatever the client sent, so it cannot be forged there.
 * - `hops` (TRUSTED_PROXY=N off Vercel): N proxies we run append to X-Forwarded-For; the entry N
 *   from the right was written by our outermost proxy. Entries further left came from the client.
 * - `none`: nothing in the request can be trusted; anonymous callers share one bucket.
 */
export type AddressSource = { kind: "vercel" } | { kind: "hops"; hops: number } | { kind: "none" };

export function addressSourceFrom(env: { VERCEL?: string; VERCEL_ENV?: string; TRUSTED_PROXY?: number }): AddressSource {
  if (env.VERCEL || env.VERCEL_ENV) return { kind: "vercel" };
  if (env.TRUSTED_PROXY && env.TRUSTED_PROXY > 0) return { kind: "hops", hops: env.TRUSTED_PROXY };
  return { kind: "none" };
}

/** The caller's address from a source clients cannot forge on this deployment, or a shared bucket. */
export function trustedClientAddress(headers: Headers, source: AddressSource): string {
  if (source.kind === "vercel") {
    return headers.get("x-vercel-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip")?.trim() || "anonymous";
  }
  if (source.kind === "hops") {
    const chain = (headers.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
    return chain[chain.length - source.hops] ?? "anonymous";
  }
  return "anonymous";
}
