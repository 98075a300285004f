"use client";
import { useId } from "react";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import styles from "./charts.module.css";

export type BarRow = { label: string; value: number; extra?: string };

/** A horizontal bar chart with a title, and the same figures as a table for screen readers and copy. */
export function BarChartCard(props: {
  title: string;
  locale: string;
  rows: BarRow[];
  labels: { showData: string; name: string; count: string; extra?: string; empty: string };
}) {
  const id = useId();
  if (props.rows.length === 0) {
    return (
      <figure className={styles.figure} aria-labelledby={id}>
        <figcaption id={id} className={styles.caption}>{props.title}</figcaption>
        <p className="muted">{props.labels.empty}</p>
      </figure>
    );
  }
  return (
    <figure className={styles.figure} aria-labelledby={id}>
      <figcaption id={id} className={styles.caption}>{props.title}</figcaption>
      <BarChart
        className={styles.chart}
        style={{ height: Math.max(160, props.rows.length * 28 + 40) }}
        responsive
        data={props.rows}
        layout="vertical"
        title={props.title}
        margin={{ left: 8, right: 16 }}
      >
        <CartesianGrid horizontal={false} strokeDasharray="3 3" />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 12 }} />
        <Tooltip />
        <Bar dataKey="value" name={props.labels.count} fill="#2f6f5e" isAnimationActive={false} />
      </BarChart>
      <details>
        <summary>{props.labels.showData}</summary>
        <table className={styles.table}>
          <caption className="muted">{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">{props.labels.name}</th>
              <th scope="col" className={styles.num}>{props.labels.count}</th>
              {props.labels.extra ? <th scope="col" className={styles.num}>{props.labels.extra}</th> : null}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                <td className={styles.num}>{r.value.toLocaleString(props.locale)}</td>
                {props.labels.extra ? <td className={styles.num}>{r.extra ?? ""}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
