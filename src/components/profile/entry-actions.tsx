"use client";
import type { ReactNode } from "react";
import { ConfirmButton, headingNear } from "@/components/confirm-button";
import { useMessages } from "@/i18n/client";
import type { ActionResult } from "@/server/action";
import { useProfileAction } from "./use-profile-action";
import styles from "./profile.module.css";

/** Edit and remove buttons of one experience or education entry; removal asks first, in a dialog. */
function EntryActions(props: {
  title: string;
  texts: { deleteLabel: string; confirmDelete: string };
  pending: boolean;
  onEdit: () => void;
  onRemove: (opener: HTMLButtonElement | null) => void;
}) {
  const { m, format } = useMessages();
  return (
    <div className={styles.entryActions}>
      <button type="button" className="btn" onClick={props.onEdit}>
        {m.common.actions.edit}
      </button>
      <ConfirmButton
        className="btn danger"
        aria-label={format(props.texts.deleteLabel, { title: props.title })}
        disabled={props.pending}
        question={props.texts.confirmDelete}
        detail={m.common.confirm.cannotUndo}
        confirmLabel={m.common.actions.remove}
        onConfirm={props.onRemove}
      >
        {m.common.actions.remove}
      </ConfirmButton>
    </div>
  );
}

/** One listed experience or education: title, period line, details, its error, and its actions. */
export function EntryItem(props: {
  id: string;
  title: string;
  meta: string;
  texts: { deleteLabel: string; confirmDelete: string };
  remove: (input: { id: string }) => Promise<ActionResult<unknown>>;
  onEdit: () => void;
  children?: ReactNode;
}) {
  const action = useProfileAction();
  return (
    <li className={styles.entry} aria-busy={action.pending}>
      <div className={styles.entryMain}>
        <h3 className={styles.entryTitle}>{props.title}</h3>
        <p className={styles.entryMeta}>{props.meta}</p>
        {props.children}
        {action.formError ? (
          <p className="field-error" role="alert">
            {action.formError}
          </p>
        ) : null}
      </div>
      <EntryActions title={props.title} texts={props.texts} pending={action.pending} onEdit={props.onEdit} onRemove={(opener) => {
          const heading = headingNear(opener);
          action.run(props.remove, { id: props.id }, () => heading?.focus());
        }} />
    </li>
  );
}
