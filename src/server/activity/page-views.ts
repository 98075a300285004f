import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { pageViewCounters } from "@/server/db/schema";

/** The routes we count, as patterns: never a URL with ids or query strings. */
export const countedRoutes = ["/", "/profile", "/search", "/matches", "/roles/[id]", "/settings/privacy", "/privacy", "/admin/trends"] as const;
export type CountedRoute = (typeof countedRoutes)[number];

const uuidSegment = /\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=\/|$)/gi;

/** Maps a pathname to the route pattern we count, or null for routes we do not count. */
export function routePatternOf(pathname: string): CountedRoute | null {
  const pattern = pathname.replace(uuidSegment, "/[id]").replace(/\/$/, "") || "/";
  return (countedRoutes as readonly string[]).includes(pattern) ? (pattern as CountedRoute) : null;
}

export async function recordPageView(db: Db, p: { userId: string; route: CountedRoute; day: string }): Promise<void> {
  await db
    .insert(pageViewCounters)
    .values({ userId: p.userId, day: p.day, route: p.route, count: 1 })
    .onConflictDoUpdate({
      target: [pageViewCounters.userId, pageViewCounters.day, pageViewCounters.route],
      set: { count: sql`${pageViewCounters.count} + 1` },
    });
}
