import Link from "next/link";
import { notFound } from "next/navigation";
import { RoleMatchCard } from "@/components/matching/role-match-card";
import { HaveSkillButton } from "@/components/matching/skill-actions";
import styles from "@/components/matching/matching.module.css";
import { getMessages } from "@/i18n/server";
import { getSessionUser } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { limitPage } from "@/server/http/page-limit";
import { embedderFor } from "@/server/ai/redact";
import { getRoleDetails, roleCoverage } from "@/server/matching/role-page";

export const dynamic = "force-dynamic";

export default async function RolePage(props: { params: Promise<{ id: string }> }) {
  const { id } = await props.params;
  await limitPage("role_page", await getSessionUser());
  const { locale, m } = await getMessages();
  const t = m.matching;
  const db = await getDb();
  const role = await getRoleDetails(db, { roleId: id, lang: locale });
  if (!role) notFound();
  const user = await getSessionUser();
  const coverage = user
    ? await roleCoverage(db, { userId: user.id, roleId: role.id, lang: locale, embedder: await embedderFor(db, user), restricted: user.restricted })
    : null;
  const have = new Set(coverage ? [...coverage.matchedEssential, ...coverage.matchedOptional].map((s) => s.skillId) : []);

  const list = (items: { skillId: string; label: string }[]) =>
    items.length === 0 ? (
      <p className="muted">{t.none}</p>
    ) : (
      <ul className="list-plain">
        {items.map((s) => (
          <li key={s.skillId} className={styles.itemRow}>
            <span>{s.label}</span>
            {coverage ? have.has(s.skillId) ? <span className="tag">✓ {t.role.youHave}</span> : <HaveSkillButton conceptId={s.skillId} /> : null}
          </li>
        ))}
      </ul>
    );

  return (
    <article className="stack">
      <p>
        <Link href="/matches">← {t.role.back}</Link>
      </p>
      <h1>{role.label}</h1>
      {role.description ? <p className="lead">{role.description}</p> : null}
      {user ? (
        coverage ? (
          <section aria-labelledby="coverage-title">
            <h2 id="coverage-title">{t.role.coverage}</h2>
            <p className="hint">{t.role.coverageLead}</p>
            <RoleMatchCard role={coverage} t={t} />
          </section>
        ) : user.restricted ? (
          <p className="notice">{t.errors.restricted}</p>
        ) : null
      ) : (
        <p className="notice">
          <Link href={`/sign-in?next=${encodeURIComponent(`/roles/${role.id}`)}`}>{t.role.signIn}</Link>
        </p>
      )}
      {role.essential.length + role.optional.length === 0 ? <p className="muted">{t.role.noSkills}</p> : null}
      <section className="card">
        <h2>{t.role.essential}</h2>
        {list(role.essential)}
      </section>
      <section className="card">
        <h2>{t.role.optional}</h2>
        {list(role.optional)}
      </section>
    </article>
  );
}
