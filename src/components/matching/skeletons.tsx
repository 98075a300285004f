// Placeholders shaped like what /matches and /roles/[id] stream in: role cards and skill lists.
import styles from "./matching.module.css";

function Line(props: { className?: string }) {
  return <div className={`${styles.skeletonLine} ${props.className ?? ""}`} />;
}

export function RoleCardsSkeleton(props: { count: number; label: string }) {
  return (
    <div role="status" aria-label={props.label} aria-busy="true" className="stack">
      {Array.from({ length: props.count }, (_, i) => (
        <div key={i} className={`card ${styles.roleCard}`} aria-hidden="true">
          <div className={styles.roleHead}>
            <Line className={styles.skeletonTitle} />
            <Line className={styles.skeletonShort} />
          </div>
          <Line className={styles.skeletonBar} />
          <Line className={styles.skeletonShort} />
        </div>
      ))}
    </div>
  );
}

export function SkillListSkeleton(props: { rows: number; label: string }) {
  return (
    <div role="status" aria-label={props.label} aria-busy="true" className="card">
      <Line className={styles.skeletonTitle} />
      {Array.from({ length: props.rows }, (_, i) => (
        <div key={i} className={styles.itemRow} aria-hidden="true">
          <Line />
        </div>
      ))}
    </div>
  );
}
