import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/server/db/client";
import { queryRows } from "@/server/db/rows";
import type { StatsMetric } from "@/server/db/schema";
import { isPublishableQuery, passesK, suppressWithTotal } from "./disclosure";
import { addDays, daysBetween, type Day } from "./days";
import { lastRolledDay } from "./rollup";
import { keySeries } from "./series";

export const periodValues = [7, 30, 90, 365] as const;
/** Query params of /admin/trends and its CSV: ?period=7|30|90|365&type=skill|role. */
export const trendsFilter = z.object({
  period: z.enum(["7", "30", "90", "365"]).default("30").transform(Number),
  type: z.enum(["skill", "role"]).default("skill"),
});
export type TrendsFilter = z.infer<typeof trendsFilter>;

export type Window = { from: Day; to: Day };
export type Ranked = { key: string; label: string; events: number };
export type Rising = { key: string; label: string; current: number; previous: number; growth: number };
export type SeriesPoint = { day: Day; events: number | null; people: number | null };

/** A period must have at least this many events in both halves before it can "rise". */
export const risingMinBase = 20;

export function windowsFor(lastDay: Day, period: number): { current: Window; previous: Window } {
  const from = addDays(lastDay, -(period - 1));
  return { current: { from, to: lastDay }, previous: { from: addDays(from, -period), to: addDays(from, -1) } };
}

/**
 * Top keys of one metric over a window: each key's number is the sum of its PUBLISHED day cells
 * (disclosure rules 1 and 2), computed in the database so suppressed cells never leave it.
 */
export async function topKeys(db: Db, p: { metric: StatsMetric; dim: string; window: Window; k: number; limit: number }) {
  return queryRows<{ key: string; events: number }>(
    db,
    sql`select key, sum(events)::float8 as events from stats_daily
        where metric = ${p.metric} and dim = ${p.dim} and day between ${p.window.from}::date and ${p.window.to}::date and people >= ${p.k}
        group by key order by events desc, key limit ${p.limit}`,
  );
}

/** The same answer from stats_windows (built by refreshWindows with the same rule), or null if stale. */
export async function topKeysFromWindows(db: Db, p: { metric: StatsMetric; dim: string; period: number; lastDay: Day; k: number; limit: number }) {
  const rows = await queryRows<{ key: string; events: number }>(
    db,
    sql`select key, events::float8 as events from stats_windows
        where period = ${p.period} and metric = ${p.metric} and dim = ${p.dim} and k = ${p.k} and last_day = ${p.lastDay}::date and events > 0
        order by events desc, key limit ${p.limit}`,
  );
  return rows.length > 0 || (await windowsFresh(db, p)) ? rows : null;
}

async function windowsFresh(db: Db, p: { period: number; lastDay: Day; k: number }): Promise<boolean> {
  const rows = await queryRows<{ ok: boolean }>(
    db,
    sql`select exists(select 1 from stats_windows where period = ${p.period} and k = ${p.k} and last_day = ${p.lastDay}::date) as ok`,
  );
  return rows[0]?.ok === true;
}

/** Current and previous window sums per key, both over published day cells only. */
async function risingKeys(db: Db, p: { dim: string; period: number; lastDay: Day; current: Window; previous: Window; k: number }) {
  if (await windowsFresh(db, p)) {
    return queryRows<{ key: string; current: number; previous: number }>(
      db,
      sql`select key, events::float8 as current, previous_events::float8 as previous from stats_windows
          where period = ${p.period} and metric = 'search_concept' and dim = ${p.dim} and k = ${p.k} and last_day = ${p.lastDay}::date
            and previous_events >= ${risingMinBase} and events > previous_events`,
    );
  }
  return queryRows<{ key: string; current: number; previous: number }>(
    db,
    sql`select key,
          coalesce(sum(events) filter (where day >= ${p.current.from}::date), 0)::float8 as current,
          coalesce(sum(events) filter (where day <= ${p.previous.to}::date), 0)::float8 as previous
        from stats_daily
        where metric = 'search_concept' and dim = ${p.dim} and day between ${p.previous.from}::date and ${p.current.to}::date and people >= ${p.k}
        group by key`,
  );
}

async function dayCells(db: Db, p: { metric: StatsMetric; window: Window }) {
  return queryRows<{ day: string; key: string; events: number; people: number }>(
    db,
    sql`select day::text as day, key, events::float8 as events, people from stats_daily
        where metric = ${p.metric} and day between ${p.window.from}::date and ${p.window.to}::date`,
  );
}

async function labelsFor(db: Db, ids: string[], locale: string): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ id: string; label: string }>(
    db,
    sql`select distinct on (concept_id) concept_id::text as id, label from concept_labels
        where label_kind = 'preferred' and concept_id::text in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})
        order by concept_id, (lang = ${locale}) desc, (lang = 'en') desc, lang`,
  );
  return new Map(rows.map((r) => [r.id, r.label]));
}

export type Trends = {
  k: number;
  lastDay: Day | null;
  window: Window | null;
  topSearched: Ranked[];
  rising: Rising[];
  topAdded: Ranked[];
  topTerms: Ranked[];
  searches: SeriesPoint[];
  logins: SeriesPoint[];
  pageViews: SeriesPoint[];
  routes: Ranked[];
};

/**
 * Everything /admin/trends and its CSV show, already through disclosure control. Windows end at
 * the last rolled-up day, so the numbers only change when a new day is rolled up.
 */
export async function loadTrends(db: Db, p: TrendsFilter & { k: number; locale: string; limit?: number }): Promise<Trends> {
  const limit = p.limit ?? 10;
  const lastDay = await lastRolledDay(db);
  const empty: Trends = { k: p.k, lastDay, window: null, topSearched: [], rising: [], topAdded: [], topTerms: [], searches: [], logins: [], pageViews: [], routes: [] };
  if (!lastDay) return empty;
  const { current, previous } = windowsFor(lastDay, p.period);

  const top = async (metric: StatsMetric, dim: string, n: number) =>
    (await topKeysFromWindows(db, { metric, dim, period: p.period, lastDay, k: p.k, limit: n })) ??
    (await topKeys(db, { metric, dim, window: current, k: p.k, limit: n }));
  const [searched, added, terms, rising, searches, logins, views] = await Promise.all([
    top("search_concept", p.type, limit),
    top("profile_added", p.type === "skill" ? "skill_added" : "role_added", limit),
    top("search_query", p.type, limit * 3),
    risingKeys(db, { dim: p.type, period: p.period, lastDay, current, previous, k: p.k }),
    keySeries(db, { metric: "searches", dim: p.type, key: "*", window: current, k: p.k }),
    dayCells(db, { metric: "logins", window: current }),
    dayCells(db, { metric: "page_views", window: current }),
  ]);
  const risingTop = rising
    .filter((r) => r.previous >= risingMinBase && r.current >= risingMinBase && r.current > r.previous)
    .map((r) => ({ ...r, growth: (r.current - r.previous) / r.previous }))
    .sort((a, b) => b.growth - a.growth || b.current - a.current)
    .slice(0, limit);
  const labels = await labelsFor(db, [...new Set([...searched, ...added, ...risingTop].map((r) => r.key))], p.locale);
  const label = (key: string) => labels.get(key) ?? key;

  return {
    k: p.k,
    lastDay,
    window: current,
    topSearched: searched.map((r) => ({ key: r.key, label: label(r.key), events: r.events })),
    topAdded: added.map((r) => ({ key: r.key, label: label(r.key), events: r.events })),
    // Rule 4: free text is shown only normalised and without contact details or identifiers.
    topTerms: terms.filter((r) => isPublishableQuery(r.key)).slice(0, limit).map((r) => ({ key: r.key, label: r.key, events: r.events })),
    rising: risingTop.map((r) => ({ ...r, label: label(r.key) })),
    searches,
    logins: series(current, logins, p.k),
    pageViews: series(current, views.filter((v) => v.key === "*"), p.k),
    routes: routeTotals(views, p.k).slice(0, limit),
  };
}

function series(window: Window, rows: { day: string; events: number; people: number }[], k: number): SeriesPoint[] {
  const byDay = new Map(rows.map((r) => [r.day, r]));
  return daysBetween(window.from, window.to).map((day) => {
    const cell = byDay.get(day);
    return cell && passesK(cell, k) ? { day, events: cell.events, people: cell.people } : { day, events: null, people: null };
  });
}

/**
 * Page views per route over the window. The all-routes total of each day is published in the
 * series beside these parts, so each day's parts go through complementary suppression (rule 3)
 * before they are summed (rule 2).
 */
export function routeTotals(rows: { day: string; key: string; events: number; people: number }[], k: number): Ranked[] {
  const byDay = new Map<string, typeof rows>();
  for (const r of rows) if (r.key !== "*") byDay.set(r.day, [...(byDay.get(r.day) ?? []), r]);
  const totals = new Map<string, number>();
  for (const [day, stored] of byDay) {
    // Routes below k are never stored, but the day's total counts them: the gap is a suppressed part.
    const total = rows.find((r) => r.day === day && r.key === "*");
    const gap = (total?.events ?? 0) - stored.reduce((sum, r) => sum + r.events, 0);
    const parts = gap > 0 ? [...stored, { day, key: "", events: gap, people: 0 }] : stored;
    for (const cell of suppressWithTotal(parts, k).published) totals.set(cell.key, (totals.get(cell.key) ?? 0) + cell.events);
  }
  return [...totals].map(([key, events]) => ({ key, label: key, events })).sort((a, b) => b.events - a.events || a.key.localeCompare(b.key));
}

/** The published aggregates as CSV rows: exactly what the dashboard shows for the same filter. */
export function trendsCsv(t: Trends, filter: TrendsFilter): string {
  const lines = [["section", "key", "label", "day", "value", "previous"].join(",")];
  const esc = (v: string | number | null) => {
    const s = v === null ? "" : String(v);
    const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s; // no formula injection in spreadsheets
    return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const push = (...cols: (string | number | null)[]) => lines.push(cols.map(esc).join(","));
  push("filter", "period_days", "", t.window ? `${t.window.from}..${t.window.to}` : "", filter.period, "");
  push("filter", "type", filter.type, "", "", "");
  for (const r of t.topSearched) push("top_searched", r.key, r.label, "", r.events, "");
  for (const r of t.rising) push("rising", r.key, r.label, "", r.current, r.previous);
  for (const r of t.topAdded) push("top_added", r.key, r.label, "", r.events, "");
  for (const r of t.topTerms) push("top_terms", r.key, r.label, "", r.events, "");
  for (const p of t.searches) if (p.events !== null) push("searches", "*", "", p.day, p.events, "");
  for (const p of t.logins) if (p.people !== null) push("logins_users", "", "", p.day, p.people, "");
  for (const p of t.pageViews) if (p.events !== null) push("page_views", "*", "", p.day, p.events, "");
  for (const r of t.routes) push("page_views_by_route", r.key, r.label, "", r.events, "");
  return `${lines.join("\n")}\n`;
}
