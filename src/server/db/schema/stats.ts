import { bigint, date, index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

export const statsMetricValues = ["search_query", "search_concept", "searches", "profile_added", "logins", "page_views"] as const;
export type StatsMetric = (typeof statsMetricValues)[number];

/**
 * Anonymous daily aggregates, kept indefinitely. One cell per (day, metric, dim, key): `events`
 * is how many events, `people` how many distinct pseudonyms (or users, for logins and page views)
 * stood behind them that day. No user id or pseudonym is ever stored here.
 *
 * Why days only: distinct counts do not add across days, so a period's `people` is never the sum
 * of its days. The dashboard publishes, for a period, only sums of day cells that passed the
 * k-rule themselves (see src/server/stats/disclosure.ts); the number of people behind such a sum
 * is at least the largest `people` among its day cells, which is >= k. That bound never
 * over-estimates, and because every published number is a sum of published day cells, differences
 * between periods (7 vs 30 days, today's window vs yesterday's) are themselves sums of published
 * cells and recover nothing that was suppressed.
 *
 * dim: search type (skill|role) for search metrics, event kind for profile_added, "" otherwise.
 * key: normalised query | concept id | route | "*" (all routes / all logins / all searches of a type).
 */
export const statsDaily = pgTable(
  "stats_daily",
  {
    day: date("day").notNull(),
    metric: text("metric", { enum: statsMetricValues }).notNull(),
    dim: text("dim").notNull().default(""),
    key: text("key").notNull(),
    events: bigint("events", { mode: "number" }).notNull(),
    people: integer("people").notNull(),
  },
  (t) => [primaryKey({ columns: [t.metric, t.dim, t.key, t.day] }), index("stats_daily_metric_day_idx").on(t.metric, t.day)],
);

/** How far the daily rollup has got: every day <= last_day is in stats_daily, exactly once. */
export const statsWatermark = pgTable("stats_watermark", {
  name: text("name").primaryKey(),
  lastDay: date("last_day").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Dashboard windows, rebuilt after each rollup run: for each dashboard period (7/30/90/365 days
 * ending at `last_day`), each key's sum over its published day cells (people >= k) in the window
 * and in the window before it (for "rising"). Derived entirely from stats_daily under the same
 * disclosure rule, so the dashboard reads a few hundred rows instead of summing a year of cells.
 * Used only when `k` and `last_day` match the request; otherwise the dashboard sums live.
 */
export const statsWindows = pgTable(
  "stats_windows",
  {
    period: integer("period").notNull(),
    metric: text("metric", { enum: statsMetricValues }).notNull(),
    dim: text("dim").notNull(),
    key: text("key").notNull(),
    k: integer("k").notNull(),
    lastDay: date("last_day").notNull(),
    events: bigint("events", { mode: "number" }).notNull(),
    previousEvents: bigint("previous_events", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.period, t.metric, t.dim, t.key] })],
);
