"use client";
// "Make this my target role" on a role page: one click, then the page says it is a target.
import { useState, useTransition } from "react";
import { useMessages } from "@/i18n/client";
import { makeTargetRoleAction } from "@/server/matching/actions";
import styles from "./matching.module.css";

export function TargetRoleButton(props: { roleId: string; isTarget: boolean }) {
  const { m } = useMessages();
  const t = m.matching.role;
  const [state, setState] = useState<"idle" | "added" | "error">("idle");
  const [pending, start] = useTransition();
  if (props.isTarget) return <p className="tag">✓ {t.isTarget}</p>;
  if (state === "added") return <p className="tag" role="status">✓ {t.targetAdded}</p>;
  return (
    <p className={styles.itemActions}>
      <button
        type="button"
        className="btn primary"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await makeTargetRoleAction({ conceptId: props.roleId });
            setState(result.ok ? "added" : "error");
          })
        }
      >
        {pending ? t.makingTarget : t.makeTarget}
      </button>
      {state === "error" ? <span className="field-error" role="alert">{m.matching.errors.failed}</span> : null}
    </p>
  );
}
