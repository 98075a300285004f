import type { Metadata } from "next";
import { getMessages } from "@/i18n/server";
import { requireUser } from "@/server/context";
import { adapters } from "@/server/adapters";
import { getProfileView } from "@/server/profile/queries";
import { AvatarControl } from "@/components/profile/avatar-control";
import { completeness } from "@/components/profile/completeness";
import { ContactSection } from "@/components/profile/contact-section";
import { EducationSection } from "@/components/profile/education-section";
import { ExperienceSection } from "@/components/profile/experience-section";
import { RolesSection } from "@/components/profile/roles-section";
import { SkillsSection } from "@/components/profile/skills-section";
import styles from "@/components/profile/profile.module.css";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getMessages();
  return { title: m.profile.title };
}

export default async function ProfilePage() {
  const user = await requireUser("/profile");
  const { locale, m, format } = await getMessages();
  const view = await getProfileView(await adapters().db(), { userId: user.id, lang: locale });
  const progress = completeness(view);
  const name = view.contact.fullName ?? user.displayName;

  return (
    <>
      <header className={styles.header}>
        <div className={styles.avatarBlock}>
          <AvatarControl url={view.contact.avatarUrl} name={name} />
        </div>
        <div className={styles.headerText}>
          <h1>{name}</h1>
          <p className="muted">{m.profile.lead}</p>
        </div>
        <div className={styles.progress}>
          <p>
            <strong>{format(m.profile.completeness, { percent: progress.percent })}</strong>
          </p>
          <div
            className="score-bar"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={progress.percent}
            aria-label={format(m.profile.completeness, { percent: progress.percent })}
          >
            <span style={{ width: `${progress.percent}%` }} />
          </div>
          {progress.next ? <p className="hint">{format(m.profile.completenessHint, { next: m.profile.nextStep[progress.next] })}</p> : null}
        </div>
      </header>
      <div className={styles.sections}>
        <ContactSection contact={view.contact} />
        <SkillsSection skills={view.skills} />
        <RolesSection roles={view.roles} />
        <ExperienceSection experiences={view.experiences} skills={view.skills} />
        <EducationSection educations={view.educations} />
      </div>
    </>
  );
}
