import { useId, type ReactNode } from "react";
import styles from "./charts.module.css";

export type TableRow = { key: string; cells: ReactNode[] };

/**
 * The shell every trend chart shares: a titled card, an optional hint, the chart, and the same
 * figures as a table in <details> (for screen readers, copying, and exact numbers).
 */
export function ChartCard(props: {
  title: string;
  hint?: ReactNode;
  wide?: boolean;
  /** Set when there is nothing to draw: shown instead of the chart and the table. */
  empty?: string | null;
  showData: string;
  table: { head: string[]; rows: TableRow[] };
  children: ReactNode;
  id?: string;
}) {
  const captionId = useId();
  return (
    <figure id={props.id} className={`card ${styles.card} ${props.wide ? styles.wide : ""}`} aria-labelledby={captionId}>
      <figcaption id={captionId} className={styles.caption}>
        {props.title}
      </figcaption>
      {props.hint ? <p className="hint">{props.hint}</p> : null}
      {props.empty ? (
        <p className="muted">{props.empty}</p>
      ) : (
        <>
          {props.children}
          <details>
            <summary>{props.showData}</summary>
            <table className={styles.table}>
              <caption className="visually-hidden">{props.title}</caption>
              <thead>
                <tr>
                  {props.table.head.map((h, i) => (
                    <th key={h} scope="col" className={i > 0 ? styles.num : undefined}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {props.table.rows.map((row) => (
                  <tr key={row.key}>
                    {row.cells.map((cell, i) =>
                      i === 0 ? (
                        <th key={i} scope="row">
                          {cell}
                        </th>
                      ) : (
                        <td key={i} className={styles.num}>
                          {cell}
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </figure>
  );
}

/** How a suppressed figure looks wherever it appears: marked, never a zero. */
export function HiddenValue(props: { text: string }) {
  return <span className={styles.hidden}>{props.text}</span>;
}
