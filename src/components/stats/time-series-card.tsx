"use client";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import { ChartCard, HiddenValue } from "./chart-card";
import styles from "./charts.module.css";

export type SeriesRow = { day: string; value: number | null; second?: number | null };

const colours = { value: "#1f5fbf", second: "#b35c00", hidden: "#d9dadd" };

/**
 * Lines over days. A suppressed day is a gap in the line and a grey band across the chart (named
 * in the legend and the tooltip), and "hidden" in the table: never a zero.
 */
export function TimeSeriesCard(props: {
  title: string;
  locale: string;
  rows: SeriesRow[];
  /** Name of the second line, when rows carry `second`. */
  secondName?: string;
  wide?: boolean;
  hint?: string;
  id?: string;
  labels: { showData: string; day: string; count: string; suppressed: string; empty: string };
}) {
  const hasSecond = props.secondName !== undefined;
  const shown = props.rows.some((r) => r.value !== null || (hasSecond && r.second != null));
  const allHidden = (r: SeriesRow) => r.value === null && (!hasSecond || r.second == null);
  const top = Math.max(1, ...props.rows.flatMap((r) => [r.value ?? 0, r.second ?? 0]));
  const data = props.rows.map((r) => ({ ...r, hidden: allHidden(r) ? top : null }));
  const number = (v: number | null | undefined) => (v == null ? <HiddenValue text={props.labels.suppressed} /> : v.toLocaleString(props.locale));
  const head = [props.labels.day, props.labels.count, ...(hasSecond && props.secondName ? [props.secondName] : [])];
  return (
    <ChartCard
      id={props.id}
      title={props.title}
      hint={props.hint}
      wide={props.wide}
      empty={shown ? null : props.labels.empty}
      showData={props.labels.showData}
      table={{ head, rows: props.rows.map((r) => ({ key: r.day, cells: [r.day, number(r.value), ...(hasSecond ? [number(r.second)] : [])] })) }}
    >
      <ComposedChart className={styles.chart} responsive data={data} barCategoryGap={0} title={props.title} margin={{ left: 0, right: 16, top: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="day" tick={{ fontSize: 12 }} minTickGap={28} />
        <YAxis allowDecimals={false} width={48} tick={{ fontSize: 12 }} />
        <Tooltip
          formatter={(value, name, item) =>
            item.dataKey === "hidden" ? ["", props.labels.suppressed] : [typeof value === "number" ? value.toLocaleString(props.locale) : String(value), name]
          }
        />
        <Legend formatter={(name) => <span className={styles.legendText}>{name}</span>} />
        <Bar dataKey="hidden" name={props.labels.suppressed} fill={colours.hidden} isAnimationActive={false} legendType="square" />
        <Line type="monotone" dataKey="value" name={props.labels.count} stroke={colours.value} strokeWidth={2} dot={false} connectNulls={false} isAnimationActive={false} />
        {hasSecond ? (
          <Line type="monotone" dataKey="second" name={props.secondName} stroke={colours.second} strokeWidth={2} dot={false} connectNulls={false} isAnimationActive={false} />
        ) : null}
      </ComposedChart>
    </ChartCard>
  );
}
