"use client";
import { useId } from "react";
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import styles from "./charts.module.css";

export type SeriesRow = { day: string; value: number | null };

/** A line over days; suppressed days are gaps (null), never zeros, and say so in the table. */
export function TimeSeriesCard(props: {
  title: string;
  locale: string;
  rows: SeriesRow[];
  labels: { showData: string; day: string; count: string; suppressed: string; empty: string };
}) {
  const id = useId();
  const shown = props.rows.some((r) => r.value !== null);
  return (
    <figure className={styles.figure} aria-labelledby={id}>
      <figcaption id={id} className={styles.caption}>{props.title}</figcaption>
      {shown ? (
        <>
          <LineChart className={styles.chart} responsive data={props.rows} title={props.title} margin={{ left: 0, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="day" tick={{ fontSize: 12 }} minTickGap={24} />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Line type="monotone" dataKey="value" name={props.labels.count} stroke="#2f6f5e" dot={false} connectNulls={false} isAnimationActive={false} />
          </LineChart>
          <details>
            <summary>{props.labels.showData}</summary>
            <table className={styles.table}>
              <caption className="muted">{props.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{props.labels.day}</th>
                  <th scope="col" className={styles.num}>{props.labels.count}</th>
                </tr>
              </thead>
              <tbody>
                {props.rows.map((r) => (
                  <tr key={r.day}>
                    <th scope="row">{r.day}</th>
                    <td className={styles.num}>{r.value === null ? props.labels.suppressed : r.value.toLocaleString(props.locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      ) : (
        <p className="muted">{props.labels.empty}</p>
      )}
    </figure>
  );
}
