import "server-only";
import { and, eq, gt, gte, inArray, isNotNull, lt, or } from "drizzle-orm";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { queryRows } from "@/server/db/rows";
import { pageViewCounters, profileEvents, searchLog, statsWatermark, users } from "@/server/db/schema";
import { getKeyring } from "@/server/adapters";
import { allPseudonymsFor, pseudonymWith, type Keyring } from "@/server/pseudonym";
import { maxQueryLength, publishableQuerySql } from "./disclosure";
import { addDays, dayOf, startOf, type Day } from "./days";
import { refreshWindows } from "./windows";

const watermarkName = "daily";

export type RollupOptions = {
  now?: Date;
  ring?: Keyring;
  /** Minimum distinct people behind a stored cell (STATS_K): nothing below it is ever written. */
  k: number;
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
  return rows.flatMap((u) => allPseudonymsFor(u.id, ring ?? getKeyring()).map((p) => p.pseudonym));
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
export async function rollupPending(db: Db, opts: RollupOptions): Promise<{ days: Day[] }> {
  const yesterday = addDays(dayOf(opts.now ?? new Date()), -1);
  const last = await lastRolledDay(db);
  const first = last ? addDays(last, 1) : await firstRawDay(db);
  if (!first || first > yesterday) return { days: [] };
  const excluded = await excludedPseudonyms(db, opts.ring);
  const canonical = await canonicalPseudonyms(db, opts.ring ?? getKeyring());
  const days: Day[] = [];
  for (let day = first; day <= yesterday; day = addDays(day, 1)) {
    if (await rollupDay(db, { day, k: opts.k, excluded, canonical, beforeCommit: opts.beforeCommit })) days.push(day);
  }
  return { days };
}

/**
 * After a key rotation the same person has one pseudonym per key, and counting pseudonyms would
 * count them once per key. Maps each older-key pseudonym of every current user to their
 * current-key pseudonym, so distinct-people counts are of people. Empty when only the current key
 * is in use (the usual case).
 */
async function canonicalPseudonyms(db: Db, ring: Keyring): Promise<Map<string, string>> {
  const rows = await queryRows<{ keyId: string }>(
    db,
    sql`select distinct key_id as "keyId" from search_log union select distinct key_id from profile_events`,
  );
  const older = ring.all.filter((k) => k.id !== ring.current.id && rows.some((r) => r.keyId === k.id));
  const map = new Map<string, string>();
  if (older.length === 0) return map;
  for (const { id } of await db.select({ id: users.id }).from(users)) {
    const current = pseudonymWith(ring.current.secret, id);
    for (const key of older) map.set(pseudonymWith(key.secret, id), current);
  }
  return map;
}

async function rollupDay(
  db: Db,
  p: { day: Day; k: number; excluded: string[]; canonical: Map<string, string>; beforeCommit?: RollupOptions["beforeCommit"] },
): Promise<boolean> {
  const { day, k, excluded, beforeCommit } = p;
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
    const dayPseudonyms = await queryRows<{ pseudonym: string }>(
      tx,
      sql`select distinct pseudonym from search_log where ${inDay(sql.raw("occurred_at"))}
          union select distinct pseudonym from profile_events where ${inDay(sql.raw("occurred_at"))}`,
    );
    const mapping = dayPseudonyms.flatMap((r) => {
      const to = p.canonical.get(r.pseudonym);
      return to ? [{ old: r.pseudonym, canonical: to }] : [];
    });
    // The person behind a row: their current-key pseudonym where known (see canonicalPseudonyms).
    let person = sql.raw("pseudonym");
    if (mapping.length > 0) {
      await tx.execute(sql`create temp table if not exists rollup_person (old text primary key, canonical text not null) on commit drop`);
      await tx.execute(sql`insert into rollup_person select old, canonical from json_to_recordset(${JSON.stringify(mapping)}::json) as m(old text, canonical text)`);
      person = sql.raw("coalesce((select rp.canonical from rollup_person rp where rp.old = pseudonym), pseudonym)");
    }

    await tx.execute(sql`delete from stats_daily where day = ${day}::date`);
    // One pass over the day's searches gives both the per-term cells (publishable terms only) and
    // the per-type total of every search (the searches-per-day series): grouping sets, where the
    // total row is the one with q grouped away.
    await tx.execute(sql`
      insert into stats_daily (day, metric, dim, key, events, people)
      select ${day}::date, case when grouping(q) = 1 then 'searches' else 'search_query' end, search_type, coalesce(q, '*'),
        count(*), count(distinct person)
      from (
        select search_type, person, case when ${publishableQuerySql(q)} then q end as q
        from (
          select search_type, ${person} as person,
            btrim(left(btrim(regexp_replace(lower(normalize(query, NFKC)), '[[:space:]]+', ' ', 'g')), ${maxQueryLength})) as q
          from search_log where ${inDay(sql.raw("occurred_at"))} and ${notExcluded}
        ) raw
      ) s
      group by grouping sets ((search_type, q), (search_type))
      having (grouping(q) = 1 or q is not null) and count(distinct person) >= ${k}`);
    await tx.execute(sql`
      insert into stats_daily (day, metric, dim, key, events, people)
      select ${day}::date, 'search_concept', search_type, resolved_concept_id::text, count(*), count(distinct ${person})
      from search_log
      where ${inDay(sql.raw("occurred_at"))} and resolved_concept_id is not null and ${notExcluded}
      group by search_type, resolved_concept_id
      having count(distinct ${person}) >= ${k}`);
    await tx.execute(sql`
      insert into stats_daily (day, metric, dim, key, events, people)
      select ${day}::date, 'profile_added', kind, concept_id::text, count(*), count(distinct ${person})
      from profile_events
      where ${inDay(sql.raw("occurred_at"))} and concept_id is not null and ${notExcluded}
      group by kind, concept_id
      having count(distinct ${person}) >= ${k}`);
    // Logins and page views carry user ids: they are counted here and never stored.
    await tx.execute(sql`
      insert into stats_daily (day, metric, dim, key, events, people)
      select ${day}::date, 'logins', '', '*', count(*), count(distinct user_id)
      from login_events where ${inDay(sql.raw("occurred_at"))} and ${activeUser}
      having count(distinct user_id) >= ${k}`);
    await tx.execute(sql`
      insert into stats_daily (day, metric, dim, key, events, people)
      select ${day}::date, 'page_views', '', coalesce(route, '*'), sum(count), count(distinct user_id)
      from page_view_counters where day = ${day}::date and ${activeUser}
      group by grouping sets ((route), ())
      having count(distinct user_id) >= ${k}`);

    await beforeCommit?.(day);
    await tx
      .insert(statsWatermark)
      .values({ name: watermarkName, lastDay: day, updatedAt: new Date() })
      .onConflictDoUpdate({ target: statsWatermark.name, set: { lastDay: day, updatedAt: new Date() } });
    return true;
  });
}

/**
 * Retention: deletes raw search_log, profile_events and page_view_counters rows older than
 * `retentionDays`, but only those already in the rollups (before the watermark), so a purge never
 * loses a count. Rollups are kept.
 */
export async function purgeSearchLog(db: Db, p: { retentionDays: number; now?: Date }): Promise<{ deleted: number; profileEvents: number; pageViews: number }> {
  const last = await lastRolledDay(db);
  if (!last) return { deleted: 0, profileEvents: 0, pageViews: 0 };
  const byAge = startOf(addDays(dayOf(p.now ?? new Date()), -p.retentionDays));
  const rolled = startOf(addDays(last, 1));
  const cutoff = byAge < rolled ? byAge : rolled;
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`with gone as (delete from search_log where occurred_at < ${cutoff.toISOString()}::timestamptz returning 1) select count(*)::int as n from gone`,
  );
  // Profile events and page views are raw activity too: same retention, same "only once rolled up".
  const events = await db.delete(profileEvents).where(lt(profileEvents.occurredAt, cutoff)).returning({ id: profileEvents.id });
  const views = await db
    .delete(pageViewCounters)
    .where(lt(pageViewCounters.day, cutoff.toISOString().slice(0, 10)))
    .returning({ day: pageViewCounters.day });
  return { deleted: row?.n ?? 0, profileEvents: events.length, pageViews: views.length };
}

/** Rollup, dashboard windows, then purge: what the cron route and `npm run cli -- stats rollup` run. */
export async function runStatsMaintenance(db: Db, p: RollupOptions & { retentionDays: number }) {
  const { days } = await rollupPending(db, p);
  // k may have been raised since earlier days were rolled up: what is below it now goes too.
  await db.execute(sql`delete from stats_daily where people < ${p.k}`);
  await refreshWindows(db, { k: p.k });
  const { deleted, profileEvents: events, pageViews } = await purgeSearchLog(db, p);
  return { rolledUpDays: days.length, lastDay: await lastRolledDay(db), purgedSearchLogRows: deleted, purgedProfileEvents: events, purgedPageViewRows: pageViews };
}

/**
 * For an objection: deletes the user's raw events that are not yet in the rollups (under every
 * pseudonym they may have had), so they never reach the statistics. Already rolled-up counts are
 * anonymous and stay, as the privacy policy says. Login events are a security record and are
 * kept; the rollup skips objecting users' logins by user id.
 */
export async function removeUnrolledEventsFor(db: Db, userId: string, ring?: Keyring) {
  const pseudonyms = allPseudonymsFor(userId, ring ?? getKeyring()).map((p) => p.pseudonym);
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
