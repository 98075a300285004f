// /admin/trends — anonymous skill-trend statistics for admins (404 for everyone else). Every
// number comes from loadTrends, which applies disclosure control before anything is returned.
import Link from "next/link";
import { getEnv } from "@/env";
import { getMessages } from "@/i18n/server";
import { format } from "@/i18n/bilingual";
import { requireAdmin } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { loadTrends, periodValues, risingMinBase, trendsFilter } from "@/server/stats/queries";
import { EmptyState } from "@/components/empty-state";
import { BarChartCard } from "@/components/stats/bar-chart-card";
import { TimeSeriesCard } from "@/components/stats/time-series-card";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TrendsPage(props: Props) {
  await requireAdmin();
  const { locale, m } = await getMessages();
  const t = m.stats;
  const params = await props.searchParams;
  const parsed = trendsFilter.safeParse({ period: one(params.period), type: one(params.type) });
  const filter = parsed.success ? parsed.data : trendsFilter.parse({});
  const k = getEnv().STATS_K;
  const trends = await loadTrends(await getDb(), { ...filter, k, locale });
  const nothing =
    [trends.topSearched, trends.rising, trends.topAdded, trends.topTerms, trends.routes].every((l) => l.length === 0) &&
    [...trends.logins, ...trends.pageViews].every((p) => p.events === null);
  const bar = { showData: t.table.showData, name: t.table.name, count: t.table.count, empty: t.empty.section };
  const line = { showData: t.table.showData, day: t.table.day, count: t.table.count, suppressed: format(t.table.suppressed, { k }), empty: t.empty.section };
  const csvHref = `/api/admin/trends/csv?period=${filter.period}&type=${filter.type}`;

  return (
    <section className="stack">
      <h1>{t.title}</h1>
      <p className="lead">{format(t.lead, { k })}</p>
      <form method="get" className="card row" aria-label={t.filters.legend}>
        <label className="field">
          <span>{t.filters.period}</span>
          <select name="period" defaultValue={String(filter.period)}>
            {periodValues.map((p) => (
              <option key={p} value={p}>{format(t.filters.days, { n: p })}</option>
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
      {trends.window ? <p className="hint">{format(t.updated, { day: trends.window.to })}</p> : null}
      {nothing ? (
        <EmptyState title={t.empty.title} body={format(t.empty.body, { k })} />
      ) : (
        <div className="grid-2">
          <div className="card">
            <BarChartCard locale={locale} title={t.sections.topSearched} rows={trends.topSearched.map((r) => ({ label: r.label, value: r.events }))} labels={bar} />
          </div>
          <div className="card">
            <BarChartCard
              locale={locale}
              title={t.sections.rising}
              rows={trends.rising.map((r) => ({ label: r.label, value: r.current, extra: `+${Math.round(r.growth * 100)} % (${r.previous})` }))}
              labels={{ ...bar, extra: t.table.growth }}
            />
            <p className="hint">{format(t.sections.risingHint, { n: risingMinBase })}</p>
          </div>
          <div className="card">
            <BarChartCard locale={locale} title={t.sections.topAdded} rows={trends.topAdded.map((r) => ({ label: r.label, value: r.events }))} labels={bar} />
          </div>
          <div className="card">
            <BarChartCard locale={locale} title={t.sections.topTerms} rows={trends.topTerms.map((r) => ({ label: r.label, value: r.events }))} labels={bar} />
          </div>
          <div className="card">
            <TimeSeriesCard locale={locale} title={t.sections.logins} rows={trends.logins.map((p) => ({ day: p.day, value: p.people }))} labels={line} />
          </div>
          <div className="card">
            <TimeSeriesCard locale={locale} title={t.sections.pageViews} rows={trends.pageViews.map((p) => ({ day: p.day, value: p.events }))} labels={line} />
          </div>
          <div className="card">
            <BarChartCard locale={locale} title={t.sections.routes} rows={trends.routes.map((r) => ({ label: r.label, value: r.events }))} labels={bar} />
          </div>
        </div>
      )}
    </section>
  );
}

function one(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
