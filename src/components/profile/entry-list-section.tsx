"use client";
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useMessages } from "@/i18n/client";
import { FormError, SubmitButton } from "./fields";
import styles from "./profile.module.css";

/**
 * A profile section that lists entries (experience, education): an add button, an inline form for a
 * new or edited entry, the list, and its empty state. When a form closes, focus returns to the add
 * button, so keyboard users carry on where they were.
 */
export function EntryListSection<T extends { id: string }>(props: {
  section: "experience" | "education";
  entries: T[];
  renderForm: (entry: T | null, onDone: () => void) => ReactNode;
  renderEntry: (entry: T, onEdit: () => void) => ReactNode;
}) {
  const { m } = useMessages();
  const texts = m.profile[props.section];
  // "new", an entry id, or null.
  const [editing, setEditing] = useState<string | null>(null);
  // After a form closes, the add button takes focus (a new callback ref runs once with the button).
  const [returnFocus, setReturnFocus] = useState(false);
  const done = () => {
    setReturnFocus(true);
    setEditing(null);
  };
  const open = (id: string) => {
    setReturnFocus(false);
    setEditing(id);
  };
  const headingId = `${props.section}-heading`;
  return (
    <section className={`card ${styles.section}`} aria-labelledby={headingId}>
      <header className={styles.sectionHeader}>
        <h2 id={headingId} tabIndex={-1}>{m.profile.sections[props.section]}</h2>
        {editing !== "new" ? (
          <button ref={returnFocus ? (el) => el?.focus() : undefined} type="button" className="btn primary" onClick={() => open("new")}>
            {texts.add}
          </button>
        ) : null}
      </header>
      {editing === "new" ? props.renderForm(null, done) : null}
      {props.entries.length === 0 && editing !== "new" ? (
        <div className={styles.inlineEmpty}>
          <p className={styles.emptyTitle}>{texts.emptyTitle}</p>
          <p className="muted">{texts.emptyBody}</p>
        </div>
      ) : (
        <ul className={`list-plain ${styles.entries}`}>
          {props.entries.map((entry) =>
            editing === entry.id ? <li key={entry.id}>{props.renderForm(entry, done)}</li> : props.renderEntry(entry, () => open(entry.id)),
          )}
        </ul>
      )}
    </section>
  );
}

/** The form of one entry: its heading, a form-level error, the fields, Save and Cancel. Focus moves into it when it opens. */
export function EntryForm(props: { title: string; error: string | null; pending: boolean; onSubmit: () => void; onCancel: () => void; children: ReactNode }) {
  const { m } = useMessages();
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    form.current?.querySelector<HTMLElement>("input:not([disabled]), textarea, select")?.focus();
  }, []);
  return (
    <form
      ref={form}
      className={`stack ${styles.entryForm}`}
      noValidate
      aria-label={props.title}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        props.onSubmit();
      }}
    >
      <h3>{props.title}</h3>
      <FormError message={props.error} />
      {props.children}
      <div className="row">
        <SubmitButton pending={props.pending} label={m.common.actions.save} pendingLabel={m.common.actions.saving} />
        <button type="button" className="btn" onClick={props.onCancel} disabled={props.pending}>
          {m.common.actions.cancel}
        </button>
      </div>
    </form>
  );
}
