// Server-side render of the trend charts: a title, the figures as a table in <details>, and
// suppressed days shown as hidden rather than as zero.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { BarChartCard } from "@/components/stats/bar-chart-card";
import { TimeSeriesCard } from "@/components/stats/time-series-card";
import { messagesFor } from "@/i18n/messages";
import { format } from "@/i18n/bilingual";

describe.each(["nb", "en"] as const)("trend charts (%s)", (locale) => {
  const t = messagesFor(locale).stats;
  const bar = { showData: t.table.showData, name: t.table.name, count: t.table.count, empty: t.empty.section };

  test("a bar chart has its title and a data table fallback", () => {
    const html = renderToStaticMarkup(
      createElement(BarChartCard, { locale, title: t.sections.topSearched, rows: [{ label: "TypeScript", value: 1234 }], labels: bar }),
    );
    expect(html).toContain(`<figcaption`);
    expect(html).toContain(t.sections.topSearched);
    expect(html).toMatch(/<details>.*<table/s);
    expect(html).toContain("TypeScript");
  });

  test("a time series marks suppressed days as hidden, not zero", () => {
    const suppressed = format(t.table.suppressed, { k: 10 });
    const html = renderToStaticMarkup(
      createElement(TimeSeriesCard, {
        locale,
        title: t.sections.logins,
        rows: [{ day: "2026-03-01", value: 12 }, { day: "2026-03-02", value: null }],
        labels: { showData: t.table.showData, day: t.table.day, count: t.table.count, suppressed, empty: t.empty.section },
      }),
    );
    expect(html).toContain(suppressed);
    expect(html).not.toMatch(/\{\w+\}/);
  });

  test("empty charts say so", () => {
    const html = renderToStaticMarkup(createElement(BarChartCard, { locale, title: t.sections.rising, rows: [], labels: bar }));
    expect(html).toContain(t.empty.section);
    expect(html).not.toContain("<details>");
  });
});
