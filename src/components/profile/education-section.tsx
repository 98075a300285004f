"use client";
import { useState, type FormEvent } from "react";
import { useMessages } from "@/i18n/client";
import { createEducationAction, deleteEducationAction, updateEducationAction } from "@/server/profile/actions";
import type { EducationItem } from "@/server/profile/queries";
import { limits } from "@/server/profile/schemas";
import { formatPeriod, toMonthInput } from "./dates";
import { FormError, SubmitButton, TextField } from "./fields";
import { EntryActions } from "./entry-actions";
import styles from "./profile.module.css";
import { useProfileAction } from "./use-profile-action";

type Form = { institution: string; qualification: string; level: string; field: string; startDate: string; endDate: string };

function toForm(e: EducationItem | null): Form {
  return {
    institution: e?.institution ?? "",
    qualification: e?.qualification ?? "",
    level: e?.level ?? "",
    field: e?.field ?? "",
    startDate: toMonthInput(e?.startDate ?? null),
    endDate: toMonthInput(e?.endDate ?? null),
  };
}

function EducationForm(props: { initial: EducationItem | null; onDone: () => void }) {
  const { m } = useMessages();
  const t = m.profile.education;
  const [form, setForm] = useState<Form>(() => toForm(props.initial));
  const action = useProfileAction();
  const set = (key: keyof Form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (props.initial) action.run(updateEducationAction, { id: props.initial.id, ...form }, props.onDone);
    else action.run(createEducationAction, form, props.onDone);
  }

  return (
    <form className={`stack ${styles.entryForm}`} onSubmit={onSubmit} noValidate aria-label={props.initial ? t.editTitle : t.newTitle}>
      <h3>{props.initial ? t.editTitle : t.newTitle}</h3>
      <FormError message={action.formError} />
      <div className="grid-2">
        <TextField label={t.institution} value={form.institution} onChange={set("institution")} error={action.fieldError("institution")} maxLength={limits.institution} required />
        <TextField label={t.qualification} value={form.qualification} onChange={set("qualification")} error={action.fieldError("qualification")} maxLength={limits.qualification} required />
        <TextField label={t.level} value={form.level} onChange={set("level")} error={action.fieldError("level")} hint={t.levelHint} maxLength={limits.educationLevel} />
        <TextField label={t.field} value={form.field} onChange={set("field")} error={action.fieldError("field")} maxLength={limits.field} />
        <TextField label={t.startDate} type="month" value={form.startDate} onChange={set("startDate")} error={action.fieldError("startDate")} hint={m.profile.experience.monthHint} placeholder="2018-08" required />
        <TextField label={t.endDate} type="month" value={form.endDate} onChange={set("endDate")} error={action.fieldError("endDate")} hint={t.endHint} placeholder="2021-06" />
      </div>
      <div className="row">
        <SubmitButton pending={action.pending} label={m.common.actions.save} pendingLabel={m.common.actions.saving} />
        <button type="button" className="btn" onClick={props.onDone} disabled={action.pending}>
          {m.common.actions.cancel}
        </button>
      </div>
    </form>
  );
}

function EducationEntry(props: { entry: EducationItem; onEdit: () => void }) {
  const { m, locale } = useMessages();
  const t = m.profile.education;
  const action = useProfileAction();
  const e = props.entry;
  const details = [e.level, e.field].filter(Boolean).join(" · ");
  return (
    <li className={styles.entry} aria-busy={action.pending}>
      <div className={styles.entryMain}>
        <h3 className={styles.entryTitle}>{e.qualification}</h3>
        <p className={styles.entryMeta}>
          {e.institution} · {formatPeriod(e.startDate, e.endDate, locale, t.ongoing)}
        </p>
        {details ? <p className="small muted">{details}</p> : null}
        {action.formError ? <p className="field-error" role="alert">{action.formError}</p> : null}
      </div>
      <EntryActions
        title={e.qualification}
        texts={t}
        pending={action.pending}
        onEdit={props.onEdit}
        onRemove={() => action.run(deleteEducationAction, { id: e.id })}
      />
    </li>
  );
}

export function EducationSection(props: { educations: EducationItem[] }) {
  const { m } = useMessages();
  const t = m.profile.education;
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <section className={`card ${styles.section}`} aria-labelledby="education-heading">
      <header className={styles.sectionHeader}>
        <h2 id="education-heading">{m.profile.sections.education}</h2>
        {editing !== "new" ? (
          <button type="button" className="btn primary" onClick={() => setEditing("new")}>
            {t.add}
          </button>
        ) : null}
      </header>
      {editing === "new" ? <EducationForm initial={null} onDone={() => setEditing(null)} /> : null}
      {props.educations.length === 0 && editing !== "new" ? (
        <div className={styles.inlineEmpty}>
          <p className={styles.emptyTitle}>{t.emptyTitle}</p>
          <p className="muted">{t.emptyBody}</p>
        </div>
      ) : (
        <ul className={`list-plain ${styles.entries}`}>
          {props.educations.map((entry) =>
            editing === entry.id ? (
              <li key={entry.id}>
                <EducationForm initial={entry} onDone={() => setEditing(null)} />
              </li>
            ) : (
              <EducationEntry key={entry.id} entry={entry} onEdit={() => setEditing(entry.id)} />
            ),
          )}
        </ul>
      )}
    </section>
  );
}
