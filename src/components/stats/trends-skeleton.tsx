import styles from "./charts.module.css";

/** What /admin/trends shows while its figures load: cards shaped like the charts to come. */
export function TrendsSkeleton(props: { label: string }) {
  return (
    <div className={styles.dashboard} role="status" aria-busy="true">
      <span className="visually-hidden">{props.label}</span>
      {[true, false, false, true].map((wide, i) => (
        <div key={i} className={`card ${styles.skeleton} ${wide ? styles.wide : ""}`} aria-hidden="true">
          <div className={styles.skeletonLine} />
          <div className={styles.skeletonBlock} />
        </div>
      ))}
    </div>
  );
}
