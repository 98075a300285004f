import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { queryRows } from "@/server/db/rows";
import { rollupPending } from "@/server/stats/rollup";
import { refreshWindows } from "@/server/stats/windows";

const days = 120;
const pool = 400; // synthetic people: random pseudonyms that belong to no user
const searchesPerDay = 600;
const addsPerDay = 90;

/**
 * Synthetic pseudonymous search and profile activity over the last ~120 days, so /admin/trends
 * shows real figures above k on a fresh embedded database. Pseudonyms are "demo-<n>" under key id
 * "demo": they are not HMACs of any user id, so nothing here can be tied to a person. A few
 * concepts grow towards today so "rising" has something to show. Runs only while there is no
 * activity at all, then rolls up.
 */
export async function seedDemoActivity(db: Db, opts: { statsK: number }): Promise<{ seeded: boolean }> {
  const [state] = await queryRows<{ any: boolean }>(
    db,
    sql`select exists(select 1 from search_log) or exists(select 1 from profile_events) or exists(select 1 from stats_daily) as any`,
  );
  if (state?.any) return { seeded: false };
  return db.transaction(async (tx) => {
    await tx.execute(sql`
      create temp table demo_concepts on commit drop as
      select row_number() over (partition by kind order by uri)::int as rn, id, kind,
        coalesce((select label from concept_labels l where l.concept_id = c.id and l.label_kind = 'preferred'
                  order by (lang = 'nb') desc limit 1), uri) as label
      from concepts c
      where c.id in (select id from concepts where kind = 'skill' order by uri limit 40)
         or c.id in (select id from concepts where kind = 'role' order by uri limit 20)`);
    const [count] = await queryRows<{ skills: number; roles: number }>(
      tx as unknown as Db,
      sql`select count(*) filter (where kind = 'skill')::int as skills, count(*) filter (where kind = 'role')::int as roles from demo_concepts`,
    );
    if (!count || count.skills + count.roles === 0) return { seeded: false };
    // Internal integers, inlined so Postgres sees typed literals rather than untyped parameters.
    const n = (v: number) => sql.raw(String(Math.trunc(v)));
    const [skills, roles, nDays, nPool] = [n(count.skills), n(count.roles), n(days), n(pool)];
    // Events: a skewed pick of concept (rank ~ random()^2), two thirds skills; some free text.
    await tx.execute(sql`
      with ev as (
        select (current_date - g.d)::timestamptz + random() * interval '1 day' as at,
          case when random() < 0.67 or ${roles} = 0 then 'skill' else 'role' end as kind,
          random() as r, floor(random() * ${nPool})::int as p, random() as free
        from generate_series(1, ${nDays}) g(d), generate_series(1, ${n(searchesPerDay)}) s(n)
      ), picked as (
        select at, kind, p, free,
          1 + floor(power(r, 2) * (case when kind = 'skill' then ${skills} else ${roles} end))::int as rn
        from ev where (kind = 'skill' and ${skills} > 0) or kind = 'role'
      )
      insert into search_log (occurred_at, query, search_type, resolved_concept_id, pseudonym, key_id)
      select at,
        case when free < 0.08 then (array['remote', 'deltid', 'junior utvikler', 'konsulent oslo'])[1 + floor(free * 50)::int % 4] else c.label end,
        picked.kind, case when free < 0.08 then null else c.id end, 'demo-' || p, 'demo'
      from picked join demo_concepts c on c.kind = picked.kind and c.rn = picked.rn`);
    // Rising: the 5th-8th skills get extra searches that grow towards today.
    await tx.execute(sql`
      insert into search_log (occurred_at, query, search_type, resolved_concept_id, pseudonym, key_id)
      select (current_date - g.d)::timestamptz + random() * interval '1 day', c.label, 'skill', c.id, 'demo-' || floor(random() * ${nPool})::int, 'demo'
      from generate_series(1, ${nDays}) g(d)
      cross join lateral generate_series(1, greatest(0, (${nDays} - g.d) / 4)) s(n)
      join demo_concepts c on c.kind = 'skill' and c.rn between 5 and 8`);
    await tx.execute(sql`
      with ev as (
        select (current_date - g.d)::timestamptz + random() * interval '1 day' as at,
          case when random() < 0.75 or ${roles} = 0 then 'skill' else 'role' end as kind,
          random() as r, floor(random() * ${nPool})::int as p
        from generate_series(1, ${nDays}) g(d), generate_series(1, ${n(addsPerDay)}) s(n)
      )
      insert into profile_events (occurred_at, kind, concept_id, pseudonym, key_id)
      select at, case when ev.kind = 'skill' then 'skill_added' else 'role_added' end, c.id, 'demo-' || p, 'demo'
      from ev join demo_concepts c on c.kind = ev.kind
        and c.rn = 1 + floor(power(r, 1.5) * (case when ev.kind = 'skill' then ${skills} else ${roles} end))::int`);
    return { seeded: true };
  }).then(async (result) => {
    if (result.seeded) {
      const k = opts.statsK;
      await rollupPending(db, { k });
      await refreshWindows(db, { k });
    }
    return result;
  });
}
