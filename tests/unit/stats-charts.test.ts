// Server-side render of the trend charts: a title, the figures as a table in <details>, and
// suppressed days shown as hidden rather than as zero.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { BarChartCard } from "@/components/stats/bar-chart-card";
import { TimeSeriesCard } from "@/components/stats/time-series-card";
import { messagesFor } from "@/i18n/messages";
import { formatterFor } from "@/i18n/format";

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
    const suppressed = formatterFor(locale)(t.table.suppressed, { k: 10 });
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

describe("trend chart layout", () => {
  const t = messagesFor("nb").stats;
  const bar = { showData: t.table.showData, name: t.table.name, count: t.table.count, empty: t.empty.section };

  test("long labels are shown whole beside their number, with a link to their trend", () => {
    const html = renderToStaticMarkup(
      createElement(BarChartCard, {
        locale: "nb",
        title: t.sections.topSearched,
        rows: [
          { label: "Akademisk skriving og formidling", value: 1234, href: "?focus=a#trend" },
          { label: "Python", value: 12 },
        ],
        labels: bar,
      }),
    );
    const list = html.slice(0, html.indexOf("<details>"));
    expect(list).toContain(">Akademisk skriving og formidling</a>");
    expect(list).toContain("1\u00a0234");
    expect(list).toContain('title="Akademisk skriving og formidling: 1\u00a0234"');
    expect(list).not.toContain("…");
  });

  test("a bar can show its own figure (growth), and the table keeps the counts behind it", () => {
    const html = renderToStaticMarkup(
      createElement(BarChartCard, {
        locale: "nb",
        title: t.sections.rising,
        rows: [{ label: "Oppdrett", value: 1.86, display: "+186 %", extra: "22 → 63 søk" }],
        labels: { ...bar, count: t.table.growth, extra: t.table.count },
      }),
    );
    expect(html).toContain("+186 %");
    expect(html).toMatch(/<details>.*22 → 63 søk/s);
  });

  test("a suppressed day is visibly marked hidden in the table", () => {
    const suppressed = formatterFor("nb")(t.table.suppressed, { k: 10 });
    const html = renderToStaticMarkup(
      createElement(TimeSeriesCard, {
        locale: "nb",
        title: t.sections.searches,
        rows: [{ day: "2026-03-01", value: 40, second: 12 }, { day: "2026-03-02", value: null, second: null }],
        secondName: t.sections.trendAdded,
        labels: { showData: t.table.showData, day: t.table.day, count: t.table.count, suppressed, empty: t.empty.section },
      }),
    );
    expect(html).toMatch(new RegExp(`<span class="[^"]*hidden[^"]*">${suppressed.replace(/[()]/g, "\\$&")}</span>`));
    expect(html).toContain(t.sections.trendAdded);
  });
});
