"use client";
// One-click buttons: "I have this now" / "Add" (adds to the profile) and "Not for me" (remembered).
import { useState, useTransition } from "react";
import { useMessages } from "@/i18n/client";
import { dismissSuggestionAction, haveSkillAction } from "@/server/matching/actions";
import styles from "./matching.module.css";

type State = "idle" | "added" | "dismissed" | "error";

export function HaveSkillButton(props: { conceptId: string; label?: string }) {
  const { m } = useMessages();
  const [state, setState] = useState<State>("idle");
  const [pending, start] = useTransition();
  if (state === "added") return <span className="tag" role="status">✓ {m.matching.gap.added}</span>;
  return (
    <span className={styles.itemActions}>
      <button
        type="button"
        className={`btn ${styles.small}`}
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await haveSkillAction({ conceptId: props.conceptId });
            setState(result.ok ? "added" : "error");
          })
        }
      >
        {pending ? m.matching.gap.adding : (props.label ?? m.matching.gap.have)}
      </button>
      {state === "error" ? <span className="field-error" role="alert">{m.matching.errors.failed}</span> : null}
    </span>
  );
}

export function SuggestionActions(props: { conceptId: string }) {
  const { m } = useMessages();
  const [state, setState] = useState<State>("idle");
  const [pending, start] = useTransition();
  if (state === "added") return <span className="tag" role="status">✓ {m.matching.gap.added}</span>;
  if (state === "dismissed") return <span className="muted small" role="status">{m.matching.suggestions.dismissed}</span>;
  const run = (action: typeof haveSkillAction | typeof dismissSuggestionAction, next: State) =>
    start(async () => {
      const result = await action({ conceptId: props.conceptId });
      setState(result.ok ? next : "error");
    });
  return (
    <span className={styles.itemActions}>
      <button type="button" className={`btn primary ${styles.small}`} disabled={pending} onClick={() => run(haveSkillAction, "added")}>
        {m.matching.suggestions.add}
      </button>
      <button type="button" className={`btn ${styles.small}`} disabled={pending} onClick={() => run(dismissSuggestionAction, "dismissed")}>
        {m.matching.suggestions.dismiss}
      </button>
      {state === "error" ? <span className="field-error" role="alert">{m.matching.errors.failed}</span> : null}
    </span>
  );
}
