import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { addDays } from "./days";
import { lastRolledDay } from "./rollup";

export const dashboardPeriods = [7, 30, 90, 365] as const;
/** Metrics the dashboard ranks by key; logins and page views are read per day instead. */
const rankedMetrics = sql.raw(`('search_concept', 'search_query', 'profile_added')`);

/**
 * Rebuilds stats_windows from stats_daily in one transaction. Disclosure rules 1 and 2
 * (src/server/stats/disclosure.ts) are applied here exactly as in the live query: only day cells
 * with people >= k are summed, per key, for the window and the one before it.
 */
export async function refreshWindows(db: Db, p: { k: number }): Promise<{ rows: number }> {
  const lastDay = await lastRolledDay(db);
  if (!lastDay) return { rows: 0 };
  return db.transaction(async (tx) => {
    await tx.execute(sql`delete from stats_windows`);
    let rows = 0;
    for (const period of dashboardPeriods) {
      const from = addDays(lastDay, -(period - 1));
      const prevFrom = addDays(from, -period);
      const result = await tx.execute(sql`
        insert into stats_windows (period, metric, dim, key, k, last_day, events, previous_events)
        select ${period}::int, metric, dim, key, ${p.k}::int, ${lastDay}::date,
          coalesce(sum(events) filter (where day >= ${from}::date), 0),
          coalesce(sum(events) filter (where day < ${from}::date), 0)
        from stats_daily
        where metric in ${rankedMetrics} and day between ${prevFrom}::date and ${lastDay}::date and people >= ${p.k}::int
        group by metric, dim, key
        returning 1`);
      rows += Array.isArray(result) ? result.length : ((result as { rows?: unknown[] }).rows?.length ?? 0);
    }
    return { rows };
  });
}
