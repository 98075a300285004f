import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { adapters } from "@/server/adapters";
import { expensiveRateLimit, hitRateLimit, type LimitedAction } from "@/server/ratelimit";

/** For expensive pages: counts the visit and sends a caller over their limit to /too-many-requests. */
export async function limitPage(action: LimitedAction, user: { id: string } | null): Promise<void> {
  const { addressSource, db } = adapters();
  const limit = expensiveRateLimit(action, { user, headers: await headers(), source: addressSource });
  const result = await hitRateLimit(await db(), limit);
  if (!result.allowed) redirect(`/too-many-requests?retry=${result.retryAfterSeconds}`);
}
