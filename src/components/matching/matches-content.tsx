// The slow part of /matches, streamed behind Suspense: one view model (skills read once, coverage
// computed once) renders the ranked roles, the gap plan and the suggestions.
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { getMessages } from "@/i18n/server";
import type { Messages } from "@/i18n/messages";
import { requestContext } from "@/server/context";
import { matchesView } from "@/server/matching/matches-view";
import type { MatchLang } from "@/server/matching/types";
import styles from "./matching.module.css";
import { RoleMatchCard } from "./role-match-card";
import { HaveSkillButton, SuggestionActions } from "./skill-actions";

type T = Messages["matching"];

export async function MatchesContent(props: { user: { id: string; displayName: string }; lang: MatchLang; t: T }) {
  const { t } = props;
  const { format } = await getMessages();
  const { db, embedder } = await requestContext();
  const view = await matchesView(db, { userId: props.user.id, lang: props.lang, embedder, restricted: false, limit: 10 });
  if (view.status === "restricted") return null;
  const { plan } = view;
  return (
    <>
      {view.status === "too_few_skills" ? (
        <>
          <EmptyState title={t.tooFew.title} body={t.tooFew.body} action={{ href: "/profile", label: t.tooFew.action }} />
          {view.demanded.length > 0 ? (
            <section className="card" aria-labelledby="demanded-title">
              <h2 id="demanded-title">{t.tooFew.suggestions}</h2>
              <ul className="list-plain">
                {view.demanded.map((s) => (
                  <li key={s.skillId} className={styles.itemRow}>
                    <span>
                      {s.label} <span className="muted small">{format(t.suggestions.roles, { count: s.roles })}</span>
                    </span>
                    <HaveSkillButton conceptId={s.skillId} label={t.suggestions.add} />
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : (
        <>
          <p className="lead">{t.lead}</p>
          {view.roles.length === 0 ? (
            <p className="notice">{t.noMatches}</p>
          ) : (
            <ol className="list-plain" aria-label={t.title}>
              {view.roles.map((role) => (
                <li key={role.roleId}>
                  <RoleMatchCard role={role} t={t} format={format} headingLevel="h2" from="matches" />
                </li>
              ))}
            </ol>
          )}
        </>
      )}

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
                  <Link href={`/roles/${role.roleId}?from=matches`}>{role.label}</Link>{" "}
                  <span className="muted small">{format(t.score, { score: role.score })}</span>
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
        {view.suggestions.length === 0 ? (
          <p className="muted">{t.suggestions.empty}</p>
        ) : (
          <ul className="list-plain">
            {view.suggestions.map((s) => (
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
    </>
  );
}
