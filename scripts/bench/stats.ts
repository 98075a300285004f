// Stats at scale: N synthetic search events over 12 months (default 10 million; --events=N),
// bulk-inserted with INSERT … SELECT generate_series in batches; then the daily rollup over all of
// them; then the dashboard's queries on the rollups against the same answers from a raw GROUP BY
// over search_log (baseline in the same run; answers asserted equal).
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { openPglite } from "@/server/db/client";
import { runMigrations } from "@/server/db/migrate";
import { queryRows } from "@/server/db/rows";
import { addDays, dayOf } from "@/server/stats/days";
import { loadTrends, topKeys, topKeysFromWindows, windowsFor } from "@/server/stats/queries";
import { refreshWindows } from "@/server/stats/windows";
import { lastRolledDay, rollupPending } from "@/server/stats/rollup";
import { parseKeyring } from "@/server/pseudonym";
import type { Db } from "@/server/db/client";
import type { Bench } from "./index";

const k = 10;
const skills = 600;
const roles = 150;
const people = 20_000;
const batch = 500_000;

function eventCount(flag: string | undefined): number {
  const value = Number(flag ?? process.env.STATS_BENCH_EVENTS ?? 10_000_000);
  if (!Number.isInteger(value) || value < 1000) throw new Error("--events=N needs a whole number >= 1000");
  return value;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timed(fn)).ms);
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

/** The dashboard's "most searched" answer computed from raw events: same k-rule per day cell. */
function rawTop(db: Db, p: { from: string; to: string; dim: string }) {
  return queryRows<{ key: string; events: number }>(
    db,
    sql`select key, sum(events)::float8 as events from (
          select resolved_concept_id::text as key, (occurred_at at time zone 'UTC')::date as day, count(*) as events, count(distinct pseudonym) as people
          from search_log
          where search_type = ${p.dim} and resolved_concept_id is not null
            and occurred_at >= ${p.from}::date::timestamp at time zone 'UTC' and occurred_at < (${p.to}::date + 1)::timestamp at time zone 'UTC'
          group by 1, 2) d
        where people >= ${k} group by key order by events desc, key limit 10`,
  );
}

export const bench: Bench = async ({ events, emit }) => {
  const n = eventCount(events);
  const handle = await openPglite();
  const db = handle.db;
  try {
    await runMigrations(handle);
    await db.execute(sql`
      insert into concepts (uri, kind, source)
      select 'bench:skill/' || i, 'skill', 'starter' from generate_series(1, ${sql.raw(String(skills))}) i
      union all select 'bench:role/' || i, 'role', 'starter' from generate_series(1, ${sql.raw(String(roles))}) i`);
    await db.execute(sql`create temp table bench_concepts as
      select row_number() over (partition by kind order by uri)::int as rn, id, kind, uri from concepts`);

    // Bulk load the way one would for an import: FK triggers off and secondary indexes built after.
    await db.execute(sql`alter table search_log disable trigger all`);
    await db.execute(sql`drop index search_log_occurred_idx`);
    await db.execute(sql`drop index search_log_pseudonym_idx`);
    const today = dayOf(new Date());
    const start = addDays(today, -365);
    let inserted = 0;
    const insert = await timed(async () => {
      while (inserted < n) {
        const size = Math.min(batch, n - inserted);
        // Skewed picks (random()^3) so a few concepts dominate, like real searches; 10% free text.
        await db.execute(sql`
          with ev as (
            select ${start}::date::timestamp at time zone 'UTC' + random() * interval '365 days' as at,
              case when random() < 0.7 then 'skill' else 'role' end as kind, random() as r, random() as free,
              floor(power(random(), 2) * ${sql.raw(String(people))})::int as p
            from generate_series(1, ${sql.raw(String(size))})
          )
          insert into search_log (occurred_at, query, search_type, resolved_concept_id, pseudonym, key_id)
          select at, case when free < 0.1 then 'fritekst ' || floor(free * 1000)::int else c.uri end, ev.kind,
            case when free < 0.1 then null else c.id end, 'bench-' || p, 'bench'
          from ev join bench_concepts c on c.kind = ev.kind
            and c.rn = 1 + floor(power(r, 3) * (case when ev.kind = 'skill' then ${sql.raw(String(skills))} else ${sql.raw(String(roles))} end))::int`);
        inserted += size;
        console.error(`[bench:stats] inserted ${inserted}/${n}`);
      }
    });
    await db.execute(sql`create index search_log_occurred_idx on search_log (occurred_at)`);
    await db.execute(sql`create index search_log_pseudonym_idx on search_log (pseudonym)`);
    await db.execute(sql`alter table search_log enable trigger all`);
    await db.execute(sql`analyze search_log`);
    const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from search_log`);
    const rows = count?.n ?? 0;
    emit({ name: "stats_event_insert_rows_per_s", value: Math.round(rows / (insert.ms / 1000)), unit: "rows/s", n: rows });

    const ring = parseKeyring("bench:bench-secret-0123456789abcdef");
    const rollup = await timed(() => rollupPending(db, { ring, k }));
    emit({ name: "stats_rollup_seconds", value: Number((rollup.ms / 1000).toFixed(2)), unit: "s", n: rollup.value.days.length });
    emit({ name: "stats_rollup_events_per_s", value: Math.round(rows / (rollup.ms / 1000)), unit: "rows/s", n: rows });

    const windows = await timed(() => refreshWindows(db, { k }));
    emit({ name: "stats_refresh_windows_ms", value: Math.round(windows.ms), unit: "ms", n: windows.value.rows });

    const lastDay = await lastRolledDay(db);
    if (!lastDay) throw new Error("rollup produced no days");
    for (const period of [30, 365]) {
      const { current } = windowsFor(lastDay, period);
      const fromRollup = () => topKeysFromWindows(db, { metric: "search_concept", dim: "skill", period, lastDay, k, limit: 10 });
      const live = await topKeys(db, { metric: "search_concept", dim: "skill", window: current, k, limit: 10 });
      const liveMs = await median(3, () => topKeys(db, { metric: "search_concept", dim: "skill", window: current, k, limit: 10 }));
      emit({ name: `stats_live_daily_sum_${period}d_ms`, value: Number(liveMs.toFixed(2)), unit: "ms", n: rows });
      const fromRaw = () => rawTop(db, { from: current.from, to: current.to, dim: "skill" });
      const [a, b] = [await fromRollup(), await fromRaw()];
      if (!a || a.length === 0 || JSON.stringify(a) !== JSON.stringify(b) || JSON.stringify(live) !== JSON.stringify(b)) {
        throw new Error(`rollup and raw answers differ for ${period} days:\n${JSON.stringify(a)}\n${JSON.stringify(b)}`);
      }
      const rollupMs = await median(7, fromRollup);
      const rawMs = await median(3, fromRaw);
      emit({ name: `stats_dashboard_top_skills_${period}d_ms`, value: Number(rollupMs.toFixed(2)), unit: "ms", baseline: Number(rawMs.toFixed(1)), n: rows });
      emit({ name: `stats_dashboard_speedup_${period}d`, value: Number((rawMs / rollupMs).toFixed(1)), unit: "x", n: rows });
    }
    const page = await median(5, () => loadTrends(db, { period: 365, type: "skill", k, locale: "en" }));
    emit({ name: "stats_dashboard_all_queries_365d_ms", value: Number(page.toFixed(2)), unit: "ms", n: rows });
  } finally {
    await handle.close();
  }
};
