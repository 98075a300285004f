"use client";
// Paste text, get candidate skills with the words they came from; each is added only on "Accept".
import { useId, useState, useTransition } from "react";
import { useMessages } from "@/i18n/client";
import { extractSkillsAction, haveSkillAction } from "@/server/matching/actions";
import type { ExtractedSkill } from "@/server/matching/extract/types";
import type { RoleMatch } from "@/server/matching/types";
import { RoleMatchCard } from "./role-match-card";
import styles from "./matching.module.css";

const MAX = 5000;
type Decision = "accepted" | "rejected" | "error";

export function ExtractPanel() {
  const { m, locale, format } = useMessages();
  const t = m.matching.extract;
  const id = useId();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [found, setFound] = useState<ExtractedSkill[] | null>(null);
  const [roles, setRoles] = useState<RoleMatch[]>([]);
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const [pending, start] = useTransition();

  const submit = () => {
    const trimmed = text.trim();
    if (trimmed.length < 3) return setError(t.errors.tooShort);
    if (trimmed.length > MAX) return setError(t.errors.tooLong);
    setError(null);
    start(async () => {
      const result = await extractSkillsAction({ text: trimmed, lang: locale });
      if (!result.ok) {
        setFound(null);
        setError(result.code === "forbidden" ? m.matching.errors.restricted : t.errors.failed);
        return;
      }
      setDecisions({});
      setFound(result.data.skills);
      setRoles(result.data.roles);
    });
  };

  const accept = (skill: ExtractedSkill) =>
    start(async () => {
      const result = await haveSkillAction({ conceptId: skill.skillId });
      setDecisions((d) => ({ ...d, [skill.skillId]: result.ok ? "accepted" : "error" }));
    });

  return (
    <div className="stack">
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <label className="field" htmlFor={`${id}-text`}>
          {t.label}
          <textarea
            id={`${id}-text`}
            value={text}
            maxLength={MAX}
            rows={6}
            placeholder={t.placeholder}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
            onChange={(event) => setText(event.target.value)}
          />
        </label>
        <p className="hint" id={`${id}-hint`}>{t.privacy}</p>
        {error ? <p className="field-error" id={`${id}-error`} role="alert">{error}</p> : null}
        <div className="row">
          <button type="submit" className="btn primary" disabled={pending}>{pending && !found ? t.loading : t.submit}</button>
        </div>
      </form>
      <div aria-live="polite">
        {pending && !found ? <p className="muted">{t.loading}</p> : null}
        {found && found.length === 0 && roles.length === 0 ? <p className="muted">{t.none}</p> : null}
        {found && found.length > 0 ? (
          <>
            <p>{format(t.found, { count: found.length })}</p>
            <ul className="list-plain">
              {found.map((skill) => {
                const decision = decisions[skill.skillId];
                return (
                  <li key={skill.skillId} className={styles.itemRow}>
                    <span>
                      <strong>{skill.label}</strong> <span className="muted small">{format(t.from, { phrase: skill.phrase })}</span>
                    </span>
                    {decision === "accepted" ? (
                      <span className="tag" role="status">✓ {t.accepted}</span>
                    ) : decision === "rejected" ? (
                      <span className="muted small" role="status">{t.rejected}</span>
                    ) : (
                      <span className={styles.itemActions}>
                        <button type="button" className={`btn primary ${styles.small}`} disabled={pending} onClick={() => accept(skill)}>
                          {t.accept}
                        </button>
                        <button
                          type="button"
                          className={`btn ${styles.small}`}
                          onClick={() => setDecisions((d) => ({ ...d, [skill.skillId]: "rejected" }))}
                        >
                          {t.reject}
                        </button>
                        {decision === "error" ? <span className="field-error" role="alert">{m.matching.errors.failed}</span> : null}
                      </span>
                    )}
                  </li>
                );
              })}
            </ul>
          </>
        ) : null}
        {found && roles.length > 0 ? (
          <section aria-labelledby={`${id}-roles`} className="stack">
            <h3 id={`${id}-roles`}>{t.rolesTitle}</h3>
            <p className="hint">{t.rolesLead}</p>
            <ol className="list-plain">
              {roles.map((role) => (
                <li key={role.roleId}>
                  <RoleMatchCard role={role} t={m.matching} format={format} headingLevel="h3" from="matches" />
                </li>
              ))}
            </ol>
          </section>
        ) : null}
      </div>
    </div>
  );
}
