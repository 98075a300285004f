// The signed-in part of a role page, streamed behind Suspense: your coverage of the role (explained
// like a match), the skill lists marked with what you have, and "make this my target role".
import type { Messages } from "@/i18n/messages";
import { requestContext } from "@/server/context";
import { getMessages } from "@/i18n/server";
import { loadTargetRoleIds } from "@/server/matching/profile-skills";
import { roleCoverage, type RoleDetails } from "@/server/matching/role-page";
import type { MatchLang } from "@/server/matching/types";
import styles from "./matching.module.css";
import { RoleMatchCard } from "./role-match-card";
import { HaveSkillButton } from "./skill-actions";
import { TargetRoleButton } from "./target-role-button";

type T = Messages["matching"];

export function RoleSkillLists(props: { role: RoleDetails; t: T; have?: Set<string> }) {
  const { t, have } = props;
  const list = (items: { skillId: string; label: string }[]) =>
    items.length === 0 ? (
      <p className="muted">{t.none}</p>
    ) : (
      <ul className="list-plain">
        {items.map((s) => (
          <li key={s.skillId} className={styles.itemRow}>
            <span>{s.label}</span>
            {have ? have.has(s.skillId) ? <span className="tag">✓ {t.role.youHave}</span> : <HaveSkillButton conceptId={s.skillId} /> : null}
          </li>
        ))}
      </ul>
    );
  return (
    <>
      {props.role.essential.length + props.role.optional.length === 0 ? <p className="muted">{t.role.noSkills}</p> : null}
      <section className="card">
        <h2>{t.role.essential}</h2>
        {list(props.role.essential)}
      </section>
      <section className="card">
        <h2>{t.role.optional}</h2>
        {list(props.role.optional)}
      </section>
    </>
  );
}

export async function RoleCoverage(props: { role: RoleDetails; user: { id: string; displayName: string }; restricted: boolean; lang: MatchLang; t: T }) {
  const { t, role } = props;
  const { format } = await getMessages();
  const { db, embedder } = await requestContext();
  const [coverage, targets] = await Promise.all([
    roleCoverage(db, { userId: props.user.id, roleId: role.id, lang: props.lang, embedder, restricted: props.restricted }),
    loadTargetRoleIds(db, { userId: props.user.id }),
  ]);
  const have = new Set(coverage ? [...coverage.matchedEssential, ...coverage.matchedOptional].map((s) => s.skillId) : []);
  return (
    <>
      <TargetRoleButton roleId={role.id} isTarget={targets.includes(role.id)} />
      {coverage ? (
        <section aria-labelledby="coverage-title">
          <h2 id="coverage-title">{t.role.coverage}</h2>
          <p className="hint">{t.role.coverageLead}</p>
          <RoleMatchCard role={coverage} t={t} format={format} />
        </section>
      ) : props.restricted ? (
        <p className="notice">{t.errors.restricted}</p>
      ) : null}
      <RoleSkillLists role={role} t={t} have={coverage ? have : undefined} />
    </>
  );
}
