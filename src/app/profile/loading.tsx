import { getMessages } from "@/i18n/server";
import styles from "@/components/profile/profile.module.css";

/** Shown while the profile loads: the page's shape, so nothing jumps when it arrives. */
export default async function ProfileLoading() {
  const { m } = await getMessages();
  return (
    <div aria-busy="true">
      <p role="status" className="visually-hidden">{m.profile.loading}</p>
      <div className={styles.header} aria-hidden="true">
        <div className={styles.avatarBlock}>
          <div className={`${styles.avatar} ${styles.skeleton}`} />
          <div className={`${styles.skeletonLine} ${styles.skeletonWide}`} />
        </div>
      </div>
      <div className={styles.sections} aria-hidden="true">
        {[0, 1, 2, 3, 4].map((i) => (
          <div key={i} className={`card ${styles.section}`}>
            <div className={`${styles.skeletonLine} ${styles.skeletonTitle}`} />
            <div className={styles.skeletonLine} />
            <div className={`${styles.skeletonLine} ${styles.skeletonShort}`} />
          </div>
        ))}
      </div>
    </div>
  );
}
