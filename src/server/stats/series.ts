import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { queryRows } from "@/server/db/rows";
import type { StatsMetric } from "@/server/db/schema";
import { daysBetween } from "./days";
import { publishedDayCell } from "./disclosure";
import type { SeriesPoint, Window } from "./queries";

/**
 * One key's day cells over a window, through disclosure rule 1 in the query itself: a day whose
 * cell has fewer than k people comes back as null (hidden), exactly like a day with no cell, so
 * the page cannot tell a suppressed day from an empty one.
 */
export async function keySeries(db: Db, p: { metric: StatsMetric; dim: string; key: string; window: Window; k: number }): Promise<SeriesPoint[]> {
  const rows = await queryRows<{ day: string; events: number; people: number }>(
    db,
    sql`select day::text as day, events::float8 as events, people from stats_daily
        where metric = ${p.metric} and dim = ${p.dim} and key = ${p.key}
          and day between ${p.window.from}::date and ${p.window.to}::date and ${publishedDayCell(p.k)}`,
  );
  const byDay = new Map(rows.map((r) => [r.day, r]));
  return daysBetween(p.window.from, p.window.to).map((day) => {
    const cell = byDay.get(day);
    return cell ? { day, events: cell.events, people: cell.people } : { day, events: null, people: null };
  });
}
