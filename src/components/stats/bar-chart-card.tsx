import Link from "next/link";
import type { ReactNode } from "react";
import { ChartCard } from "./chart-card";
import styles from "./charts.module.css";

export type BarRow = {
  label: string;
  value: number;
  /** The number as the reader sees it (defaults to the locale's number format). */
  display?: string;
  /** A further column in the table, e.g. the previous period behind a growth figure. */
  extra?: string;
  /** Where the label leads, e.g. this name's trend line. */
  href?: string;
};

/**
 * A horizontal bar list drawn in HTML: labels wrap instead of being cut, every bar carries its
 * number (and, on hover, label and number), and the table repeats the figures.
 */
export function BarChartCard(props: {
  title: string;
  locale: string;
  rows: BarRow[];
  hint?: ReactNode;
  labels: { showData: string; name: string; count: string; extra?: string; empty: string };
}) {
  const max = Math.max(...props.rows.map((r) => r.value), 0);
  const text = (r: BarRow) => r.display ?? r.value.toLocaleString(props.locale);
  const head = [props.labels.name, props.labels.count, ...(props.labels.extra ? [props.labels.extra] : [])];
  return (
    <ChartCard
      title={props.title}
      hint={props.hint}
      empty={props.rows.length === 0 ? props.labels.empty : null}
      showData={props.labels.showData}
      table={{ head, rows: props.rows.map((r) => ({ key: r.label, cells: [r.label, text(r), ...(props.labels.extra ? [r.extra ?? ""] : [])] })) }}
    >
      <ol className={styles.bars}>
        {props.rows.map((r) => (
          <li key={r.label} className={styles.barRow} title={`${r.label}: ${text(r)}`}>
            <span className={styles.barLabel}>
              {r.href ? (
                <Link href={r.href} scroll={false}>
                  {r.label}
                </Link>
              ) : (
                r.label
              )}
            </span>
            <span className={styles.barTrack} aria-hidden="true">
              <span className={styles.bar} style={{ width: `${max > 0 ? Math.max(1, (r.value / max) * 100) : 0}%` }} />
            </span>
            <span className={styles.barValue}>{text(r)}</span>
          </li>
        ))}
      </ol>
    </ChartCard>
  );
}
