import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { ExtractPanel } from "@/components/matching/extract-panel";
import { RoleMatchCard } from "@/components/matching/role-match-card";
import { HaveSkillButton, SuggestionActions } from "@/components/matching/skill-actions";
import styles from "@/components/matching/matching.module.css";
import { format } from "@/i18n/bilingual";
import { getMessages } from "@/i18n/server";
import { requireUser } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { limitPage } from "@/server/http/page-limit";
import { embedderFor } from "@/server/ai/redact";
import { gapPlan } from "@/server/matching/gap";
import { matchRoles } from "@/server/matching/match";
import { loadUserSkills } from "@/server/matching/profile-skills";
import { skillsYouMayHave } from "@/server/matching/suggestions";

export const dynamic = "force-dynamic";

export default async function MatchesPage() {
  const user = await requireUser("/matches");
  await limitPage("matches", user);
  const { locale, m } = await getMessages();
  const t = m.matching;
  if (user.restricted) {
    return (
      <section className="stack">
        <h1>{t.title}</h1>
        <EmptyState title={t.restricted.title} body={t.restricted.body} action={{ href: "/settings/privacy", label: t.restricted.action }} />
      </section>
    );
  }
  const db = await getDb();
  const embedder = await embedderFor(db, user);
  const skills = await loadUserSkills(db, { userId: user.id });
  const [matches, plan, suggestions] = await Promise.all([
    matchRoles(db, { skills, lang: locale, limit: 10, embedder }),
    gapPlan(db, { userId: user.id, lang: locale, embedder }),
    skillsYouMayHave(db, { userId: user.id, lang: locale, embedder, limit: 8 }),
  ]);

  return (
    <section className="stack">
      <h1>{t.title}</h1>
      {matches.status === "too_few_skills" ? (
        <>
          <EmptyState title={t.tooFew.title} body={t.tooFew.body} action={{ href: "/profile", label: t.tooFew.action }} />
          {matches.suggestions.length > 0 ? (
            <div className="card">
              <h2>{t.tooFew.suggestions}</h2>
              <ul className="list-plain">
                {matches.suggestions.map((s) => (
                  <li key={s.skillId} className={styles.itemRow}>
                    <span>{s.label}</span>
                    <HaveSkillButton conceptId={s.skillId} label={t.suggestions.add} />
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </>
      ) : matches.status === "ok" ? (
        <>
          <p className="lead">{t.lead}</p>
          {matches.roles.length === 0 ? (
            <p className="notice">{t.noMatches}</p>
          ) : (
            <ol className="list-plain" aria-label={t.title}>
              {matches.roles.map((role) => (
                <li key={role.roleId}>
                  <RoleMatchCard role={role} t={t} headingLevel="h2" />
                </li>
              ))}
            </ol>
          )}
        </>
      ) : null}

      <section className="card" aria-labelledby="gap-title">
        <h2 id="gap-title">{t.gap.title}</h2>
        {plan.status !== "ok" ? (
          <p className="muted">
            {t.gap.none} <Link href="/profile">{t.gap.action}</Link>
          </p>
        ) : (
          <>
            <p className="hint">{t.gap.lead}</p>
            {plan.roles.map((role) => (
              <div key={role.roleId}>
                <h3>
                  <Link href={`/roles/${role.roleId}`}>{role.label}</Link> <span className="muted small">{format(t.score, { score: role.score })}</span>
                </h3>
                {role.missing.length === 0 ? (
                  <p className="muted">{t.gap.allCovered}</p>
                ) : (
                  <ul className="list-plain">
                    {role.missing.map((s) => (
                      <li key={s.skillId} className={styles.itemRow}>
                        <span>
                          <span className={`${styles.badge} ${s.essential ? styles.badgeEssential : ""}`}>
                            {s.essential ? t.gap.essential : t.gap.optional}
                          </span>{" "}
                          {s.label} {s.neededBy > 1 ? <span className="muted small">· {format(t.gap.neededBy, { count: s.neededBy })}</span> : null}
                        </span>
                        <HaveSkillButton conceptId={s.skillId} />
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            ))}
          </>
        )}
      </section>

      <section className="card" aria-labelledby="suggestions-title">
        <h2 id="suggestions-title">{t.suggestions.title}</h2>
        <p className="hint">{t.suggestions.lead}</p>
        {suggestions.length === 0 ? (
          <p className="muted">{t.suggestions.empty}</p>
        ) : (
          <ul className="list-plain">
            {suggestions.map((s) => (
              <li key={s.skillId} className={styles.itemRow}>
                <span>
                  {s.label}{" "}
                  <span className="muted small">
                    {s.similarTo ? format(t.suggestions.similarTo, { label: s.similarTo }) : format(t.suggestions.roles, { count: s.roles })}
                  </span>
                </span>
                <SuggestionActions conceptId={s.skillId} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="extract-title">
        <h2 id="extract-title">{t.extract.title}</h2>
        <p className="hint">{t.extract.lead}</p>
        <ExtractPanel />
      </section>
    </section>
  );
}
