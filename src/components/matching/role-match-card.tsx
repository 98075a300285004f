// One ranked role: its score bar and, in <details>, every item the score is computed from.
import Link from "next/link";
import type { Format } from "@/i18n/format";
import type { Messages } from "@/i18n/messages";
import { scoreFigures } from "@/server/matching/score";
import type { RoleMatch, SkillMatch } from "@/server/matching/types";
import styles from "./matching.module.css";

type T = Messages["matching"];

const pct = (v: number) => Math.round(v * 100);

export function ScoreBar(props: { score: number; label: string }) {
  return (
    <div className="score-bar" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={props.score} aria-label={props.label}>
      <span style={{ width: `${props.score}%` }} />
    </div>
  );
}

function MatchList(props: { items: SkillMatch[]; t: T; format: Format }) {
  if (props.items.length === 0) return <p className="muted small">{props.t.none}</p>;
  return (
    <ul className={styles.skillList}>
      {props.items.map((m) => (
        <li key={m.skillId}>
          <span className="tag">{m.label}</span>{" "}
          <span className="muted small">
            {m.strength >= 1 ? props.t.exact : props.format(props.t.near, { label: m.by.label, pct: pct(m.strength) })}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** `from` tells the role page where its back link leads. */
export function RoleMatchCard(props: { role: RoleMatch; t: T; format: Format; headingLevel?: "h2" | "h3"; from?: "matches" | "text" }) {
  const { role, t } = props;
  const { format } = props;
  const Heading = props.headingLevel ?? "h3";
  const href = props.from ? `/roles/${role.roleId}?from=${props.from === "text" ? "matches" : props.from}` : `/roles/${role.roleId}`;
  return (
    <article className={`card ${styles.roleCard}`}>
      <div className={styles.roleHead}>
        <Heading className={styles.roleTitle}>
          <Link href={href}>{role.label}</Link>
        </Heading>
        <strong>{format(t.score, { score: role.score })}</strong>
      </div>
      <ScoreBar score={role.score} label={format(t.scoreBar, { role: role.label, score: role.score })} />
      <details className={styles.details}>
        <summary>{format(t.why, { score: role.score })}</summary>
        <p className="hint">{t.formula}</p>
        <p className="hint" data-testid="score-figures">
          {format(t.formulaFigures, { ...scoreFigures(role), score: role.score })}
        </p>
        {role.textEvidence && role.textEvidence.length > 0 ? (
          <p className="hint">
            {format(t.textMentions, { phrases: role.textEvidence.map((e) => `“${e}”`).join(", ") })} {t.textOrderOnly}
          </p>
        ) : null}
        <h4>{t.matchedEssential}</h4>
        <MatchList items={role.matchedEssential} t={t} format={format} />
        <h4>{t.matchedOptional}</h4>
        <MatchList items={role.matchedOptional} t={t} format={format} />
        <h4>{t.missingEssential}</h4>
        {role.missingEssential.length === 0 ? (
          <p className="muted small">{t.none}</p>
        ) : (
          <ul className={styles.skillList}>
            {role.missingEssential.map((s) => (
              <li key={s.skillId}>{s.label}</li>
            ))}
          </ul>
        )}
        <p className="muted small">{format(t.missingOptional, { count: role.missingOptional.length })}</p>
      </details>
    </article>
  );
}
