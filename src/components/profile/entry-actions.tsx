"use client";
import { format } from "@/i18n/bilingual";
import { useMessages } from "@/i18n/client";
import styles from "./profile.module.css";

/** Edit and remove buttons of one experience or education entry; removal asks for confirmation. */
export function EntryActions(props: {
  title: string;
  texts: { deleteLabel: string; confirmDelete: string };
  pending: boolean;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const { m } = useMessages();
  return (
    <div className={styles.entryActions}>
      <button type="button" className="btn" onClick={props.onEdit}>
        {m.common.actions.edit}
      </button>
      <button
        type="button"
        className="btn danger"
        aria-label={format(props.texts.deleteLabel, { title: props.title })}
        disabled={props.pending}
        onClick={() => {
          if (window.confirm(props.texts.confirmDelete)) props.onRemove();
        }}
      >
        {m.common.actions.remove}
      </button>
    </div>
  );
}
