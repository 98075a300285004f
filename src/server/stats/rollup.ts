import "server-only";
import { and, eq, gt, gte, inArray, isNotNull, or } from "drizzle-orm";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { queryRows } from "@/server/db/rows";
import { pageViewCounters, profileEvents, searchLog, statsWatermark, users } from "@/server/db/schema";
import { allPseudonymsFor, type Keyring } from "@/server/pseudonym";
import { maxQueryLength, publishableQuerySql } from "./disclosure";
import { addDays, dayOf, startOf, type Day } from "./days";
import { refreshWindows } from "./windows";

const watermarkName = "daily";

export type RollupOptions = {
  now?: Date;
  ring?: Keyring;
  /** Test seam: called inside each day's transaction after its cells are written, before commit. */
  beforeCommit?: (day: Day) => void | Promise<void>;
};

/** The last day whose events are in stats_daily, or null if nothing was rolled up yet. */
export async function lastRolledDay(db: Db): Promise<Day | null> {
  const rows = await queryRows<{ day: string }>(db, sql`select last_day::text as day from stats_watermark where name = ${watermarkName}`);
  return rows[0]?.day ?? null;
}

/**
 * Pseudonyms of users who object to statistics or have restricted processing, under every known
 * key: their events are left out of every rollup from now on.
 */
export async function excludedPseudonyms(db: Db, ring?: Keyring): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(or(isNotNull(users.objectedAt), isNotNull(users.restrictedAt)));
  return rows.flatMap((u) => allPseudonymsFor(u.id, ring).map((p) => p.pseudonym));
}

async function firstRawDay(db: Db): Promise<Day | null> {
  const rows = await queryRows<{ day: string | null }>(
    db,
    sql`select least(
      (select min(occurred_at) from search_log), (select min(occurred_at) from profile_events),
      (select min(occurred_at) from login_events), (select min(day)::timestamptz from page_view_counters)
    )::date::text as day`,
  );
  return rows[0]?.day ?? null;
}

/**
 * Rolls every complete UTC day after the watermark up to yesterday into stats_daily. Each day is
 * one transaction that writes its cells and moves the watermark together, so a crash loses or
 * repeats nothing: the next run starts at the first day not committed. Running again the same
 * day finds nothing to do and changes no number.
 */
export async function rollupPending(db: Db, opts: RollupOptions = {}): Promise<{ days: Day[] }> {
  const yesterday = addDays(dayOf(opts.now ?? new Date()), -1);
  const last = await lastRolledDay(db);
  const first = last ? addDays(last, 1) : await firstRawDay(db);
  if (!first || first > yesterday) return { days: [] };
  const excluded = await excludedPseudonyms(db, opts.ring);
  const days: Day[] = [];
  for (let day = first; day <= yesterday; day = addDays(day, 1)) {
    if (await rollupDay(db, day, excluded, opts.beforeCommit)) days.push(day);
  }
  return { days };
}

async function rollupDay(db: Db, day: Day, excluded: string[], beforeCommit?: RollupOptions["beforeCommit"]): Promise<boolean> {
  return db.transaction(async (tx) => {
    // One rollup at a time (two cron calls, or cron + CLI): the second waits, then skips the day.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('evne.stats_rollup'))`);
    const [mark] = await tx.select({ lastDay: statsWatermark.lastDay }).from(statsWatermark).where(eq(statsWatermark.name, watermarkName));
    if (mark && mark.lastDay >= day) return false;
    const from = startOf(day).toISOString();
    const to = startOf(addDays(day, 1)).toISOString();
    const inDay = (col: SQL) => sql`${col} >= ${from}::timestamptz and ${col} < ${to}::timestamptz`;
    const notExcluded =
      excluded.length === 0 ? sql`true` : sql`pseudonym not in (${sql.join(excluded.map((p) => sql`${p}`), sql`, `)})`;
    const activeUser = sql`user_id not in (select id from users where objected_at is not null or restricted_at is not null)`;
    const q = sql.raw("q");

    await tx.execute(sql`delete from stats_daily where day = ${day}::date`);
    // One pass over the day's searches gives both the per-term cells (publishable terms only) and
    // the per-type total of every search (the searches-per-day series): grouping sets, where the
    // total row is the one with q grouped away.
    await tx.execute(sql`
      insert into stats_daily (day, metric, dim, key, events, people)
      select ${day}::date, case when grouping(q) = 1 then 'searches' else 'search_query' end, search_type, coalesce(q, '*'),
        count(*), count(distinct pseudonym)
      from (
        select search_type, pseudonym, case when ${publishableQuerySql(q)} then q end as q
        from (
          select search_type, pseudonym,
            btrim(left(btrim(regexp_replace(lower(normalize(query, NFKC)), '[[:space:]]+', ' ', 'g')), ${maxQueryLength})) as q
          from search_log where ${inDay(sql.raw("occurred_at"))} and ${notExcluded}
        ) raw
      ) s
      group by grouping sets ((search_type, q), (search_type))
      having grouping(q) = 1 or q is not null`);
    await tx.execute(sql`
      insert into stats_daily (day, metric, dim, key, events, people)
      select ${day}::date, 'search_concept', search_type, resolved_concept_id::text, count(*), count(distinct pseudonym)
      from search_log
      where ${inDay(sql.raw("occurred_at"))} and resolved_concept_id is not null and ${notExcluded}
      group by search_type, resolved_concept_id`);
    await tx.execute(sql`
      insert into stats_daily (day, metric, dim, key, events, people)
      select ${day}::date, 'profile_added', kind, concept_id::text, count(*), count(distinct pseudonym)
      from profile_events
      where ${inDay(sql.raw("occurred_at"))} and concept_id is not null and ${notExcluded}
      group by kind, concept_id`);
    // Logins and page views carry user ids: they are counted here and never stored.
    await tx.execute(sql`
      insert into stats_daily (day, metric, dim, key, events, people)
      select ${day}::date, 'logins', '', '*', count(*), count(distinct user_id)
      from login_events where ${inDay(sql.raw("occurred_at"))} and ${activeUser}
      having count(*) > 0`);
    await tx.execute(sql`
      insert into stats_daily (day, metric, dim, key, events, people)
      select ${day}::date, 'page_views', '', coalesce(route, '*'), sum(count), count(distinct user_id)
      from page_view_counters where day = ${day}::date and ${activeUser}
      group by grouping sets ((route), ())
      having count(*) > 0`);

    await beforeCommit?.(day);
    await tx
      .insert(statsWatermark)
      .values({ name: watermarkName, lastDay: day, updatedAt: new Date() })
      .onConflictDoUpdate({ target: statsWatermark.name, set: { lastDay: day, updatedAt: new Date() } });
    return true;
  });
}

/**
 * Retention: deletes raw search_log rows older than `retentionDays`, but only those already in
 * the rollups (before the watermark), so a purge never loses a count. Rollups are kept.
 */
export async function purgeSearchLog(db: Db, p: { retentionDays: number; now?: Date }): Promise<{ deleted: number }> {
  const last = await lastRolledDay(db);
  if (!last) return { deleted: 0 };
  const byAge = startOf(addDays(dayOf(p.now ?? new Date()), -p.retentionDays));
  const rolled = startOf(addDays(last, 1));
  const cutoff = byAge < rolled ? byAge : rolled;
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`with gone as (delete from search_log where occurred_at < ${cutoff.toISOString()}::timestamptz returning 1) select count(*)::int as n from gone`,
  );
  return { deleted: row?.n ?? 0 };
}

/** Rollup, dashboard windows, then purge: what the cron route and `npm run cli -- stats rollup` run. */
export async function runStatsMaintenance(db: Db, p: RollupOptions & { retentionDays: number; k: number }) {
  const { days } = await rollupPending(db, p);
  await refreshWindows(db, { k: p.k });
  const { deleted } = await purgeSearchLog(db, p);
  return { rolledUpDays: days.length, lastDay: await lastRolledDay(db), purgedSearchLogRows: deleted };
}

/**
 * For an objection: deletes the user's raw events that are not yet in the rollups (under every
 * pseudonym they may have had), so they never reach the statistics. Already rolled-up counts are
 * anonymous and stay, as the privacy policy says. Login events are a security record and are
 * kept; the rollup skips objecting users' logins by user id.
 */
export async function removeUnrolledEventsFor(db: Db, userId: string, ring?: Keyring) {
  const pseudonyms = allPseudonymsFor(userId, ring).map((p) => p.pseudonym);
  const last = await lastRolledDay(db);
  const since = last ? startOf(addDays(last, 1)) : new Date(0);
  return db.transaction(async (tx) => {
    const s = await tx
      .delete(searchLog)
      .where(and(inArray(searchLog.pseudonym, pseudonyms), gte(searchLog.occurredAt, since)))
      .returning({ id: searchLog.id });
    const e = await tx
      .delete(profileEvents)
      .where(and(inArray(profileEvents.pseudonym, pseudonyms), gte(profileEvents.occurredAt, since)))
      .returning({ id: profileEvents.id });
    const v = await tx
      .delete(pageViewCounters)
      .where(and(eq(pageViewCounters.userId, userId), last ? gt(pageViewCounters.day, last) : sql`true`))
      .returning({ day: pageViewCounters.day });
    return { searchLog: s.length, profileEvents: e.length, pageViews: v.length };
  });
}
