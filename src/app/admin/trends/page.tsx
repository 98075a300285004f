// /admin/trends — anonymous skill-trend statistics for admins (404 for everyone else). Every
// number comes from loadTrends / keySeries, which apply disclosure control before anything is
// returned. The heading and filters render at once; the figures stream in behind a skeleton.
import Link from "next/link";
import { Suspense } from "react";
import { adapters } from "@/server/adapters";
import type { Format } from "@/i18n/format";
import type { Locale } from "@/i18n/locales";
import type { Messages } from "@/i18n/messages";
import { getMessages } from "@/i18n/server";
import { requireAdmin } from "@/server/context";
import { loadTrends, periodValues, risingMinBase, trendsFilter, type TrendsFilter } from "@/server/stats/queries";
import { keySeries } from "@/server/stats/series";
import { EmptyState } from "@/components/empty-state";
import { BarChartCard } from "@/components/stats/bar-chart-card";
import styles from "@/components/stats/charts.module.css";
import { TimeSeriesCard } from "@/components/stats/time-series-card";
import { TrendsSkeleton } from "@/components/stats/trends-skeleton";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TrendsPage(props: Props) {
  await requireAdmin();
  const texts = await getMessages();
  const t = texts.m.stats;
  const params = await props.searchParams;
  const parsed = trendsFilter.safeParse({ period: one(params.period), type: one(params.type) });
  const filter = parsed.success ? parsed.data : trendsFilter.parse({});
  const focus = one(params.focus)?.slice(0, 200);
  const k = adapters().config.STATS_K;
  const csvHref = `/api/admin/trends/csv?period=${filter.period}&type=${filter.type}`;

  return (
    <section className="stack">
      <h1>{t.title}</h1>
      <p className="lead">{texts.format(t.lead, { k })}</p>
      <form method="get" className="card row" aria-label={t.filters.legend}>
        <label className="field">
          <span>{t.filters.period}</span>
          <select name="period" defaultValue={String(filter.period)}>
            {periodValues.map((p) => (
              <option key={p} value={p}>{texts.format(t.filters.days, { n: p })}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t.filters.type}</span>
          <select name="type" defaultValue={filter.type}>
            <option value="skill">{t.filters.skill}</option>
            <option value="role">{t.filters.role}</option>
          </select>
        </label>
        <button className="btn primary" type="submit">{t.filters.apply}</button>
        <Link className="btn" href={csvHref} prefetch={false}>{t.csv}</Link>
      </form>
      <Suspense key={`${filter.period}:${filter.type}:${focus ?? ""}`} fallback={<TrendsSkeleton label={t.loading} />}>
        <TrendsFigures filter={filter} focus={focus} k={k} locale={texts.locale} m={texts.m} format={texts.format} />
      </Suspense>
    </section>
  );
}

async function TrendsFigures(props: { filter: TrendsFilter; focus: string | undefined; k: number; locale: Locale; m: Messages; format: Format }) {
  const { filter, k, locale, format } = props;
  const t = props.m.stats;
  const db = await adapters().db();
  const trends = await loadTrends(db, { ...filter, k, locale });
  const nothing =
    [trends.topSearched, trends.rising, trends.topAdded, trends.routes].every((l) => l.length === 0) &&
    [...trends.searches, ...trends.logins, ...trends.pageViews].every((p) => p.events === null);
  if (nothing || !trends.window) return <EmptyState title={t.empty.title} body={format(t.empty.body, { k })} />;
  const window = trends.window;

  // The trend line is drawn for a name from the lists on this page, so it is always a published one.
  const listed = new Map([...trends.topSearched, ...trends.rising, ...trends.topAdded].map((r) => [r.key, r.label]));
  const focusKey = props.focus && listed.has(props.focus) ? props.focus : (trends.topSearched[0]?.key ?? trends.topAdded[0]?.key);
  const [focusSearches, focusAdded] = focusKey
    ? await Promise.all([
        keySeries(db, { metric: "search_concept", dim: filter.type, key: focusKey, window, k }),
        keySeries(db, { metric: "profile_added", dim: filter.type === "skill" ? "skill_added" : "role_added", key: focusKey, window, k }),
      ])
    : [[], []];

  const focusHref = (key: string) => `?period=${filter.period}&type=${filter.type}&focus=${encodeURIComponent(key)}#trend`;
  const bar = { showData: t.table.showData, name: t.table.name, count: t.table.count, empty: t.empty.section };
  const line = { showData: t.table.showData, day: t.table.day, count: t.table.count, suppressed: format(t.table.suppressed, { k }), empty: t.empty.section };
  const percent = new Intl.NumberFormat(locale, { style: "percent", signDisplay: "always", maximumFractionDigits: 0 });

  return (
    <>
      <p className="hint">{format(t.updated, { day: window.to })}</p>
      <div className={styles.dashboard}>
        <TimeSeriesCard locale={locale} title={t.sections.searches} rows={trends.searches.map((p) => ({ day: p.day, value: p.events }))} labels={line} />
        <TimeSeriesCard locale={locale} title={t.sections.logins} rows={trends.logins.map((p) => ({ day: p.day, value: p.people }))} labels={line} />
        {focusKey ? (
          <TimeSeriesCard
            id="trend"
            wide
            locale={locale}
            title={format(t.sections.trend, { label: listed.get(focusKey) ?? focusKey })}
            hint={t.sections.trendHint}
            rows={focusSearches.map((p, i) => ({ day: p.day, value: p.events, second: focusAdded[i]?.events ?? null }))}
            secondName={t.sections.trendAdded}
            labels={{ ...line, count: t.sections.trendSearches }}
          />
        ) : null}
        <BarChartCard
          locale={locale}
          title={t.sections.topSearched}
          rows={trends.topSearched.map((r) => ({ label: r.label, value: r.events, href: focusHref(r.key) }))}
          labels={bar}
        />
        <BarChartCard
          locale={locale}
          title={t.sections.rising}
          hint={format(t.sections.risingHint, { n: risingMinBase })}
          rows={trends.rising.map((r) => ({
            label: r.label,
            value: r.growth,
            display: percent.format(r.growth),
            extra: format(t.sections.risingFromTo, { previous: r.previous, current: r.current }),
            href: focusHref(r.key),
          }))}
          labels={{ ...bar, count: t.table.growth, extra: t.table.count }}
        />
        <BarChartCard
          locale={locale}
          title={t.sections.topAdded}
          rows={trends.topAdded.map((r) => ({ label: r.label, value: r.events, href: focusHref(r.key) }))}
          labels={bar}
        />
        <BarChartCard locale={locale} title={t.sections.routes} rows={trends.routes.map((r) => ({ label: r.label, value: r.events }))} labels={bar} />
        <TimeSeriesCard wide locale={locale} title={t.sections.pageViews} rows={trends.pageViews.map((p) => ({ day: p.day, value: p.events }))} labels={line} />
      </div>
    </>
  );
}

function one(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
