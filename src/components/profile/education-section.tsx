"use client";
import { useState } from "react";
import { useMessages } from "@/i18n/client";
import { createEducationAction, deleteEducationAction, updateEducationAction } from "@/server/profile/actions";
import type { EducationItem } from "@/server/profile/queries";
import { limits } from "@/server/profile/schemas";
import { formatPeriod, normaliseMonthInput, toMonthInput } from "./dates";
import { TextField } from "./fields";
import { EntryItem } from "./entry-actions";
import { EntryForm, EntryListSection } from "./entry-list-section";
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

  function onSubmit() {
    const input = { ...form, startDate: normaliseMonthInput(form.startDate), endDate: normaliseMonthInput(form.endDate) };
    if (props.initial) action.run(updateEducationAction, { id: props.initial.id, ...input }, props.onDone);
    else action.run(createEducationAction, input, props.onDone);
  }

  return (
    <EntryForm title={props.initial ? t.editTitle : t.newTitle} error={action.formError} pending={action.pending} onSubmit={onSubmit} onCancel={props.onDone}>
      <div className="grid-2">
        <TextField label={t.institution} value={form.institution} onChange={set("institution")} error={action.fieldError("institution")} maxLength={limits.institution} required />
        <TextField label={t.qualification} value={form.qualification} onChange={set("qualification")} error={action.fieldError("qualification")} maxLength={limits.qualification} required />
        <TextField label={t.level} value={form.level} onChange={set("level")} error={action.fieldError("level")} hint={t.levelHint} maxLength={limits.educationLevel} />
        <TextField label={t.field} value={form.field} onChange={set("field")} error={action.fieldError("field")} maxLength={limits.field} />
        <TextField label={t.startDate} type="month" value={form.startDate} onChange={set("startDate")} error={action.fieldError("startDate")} hint={m.profile.experience.monthHint} placeholder="2018-08" required />
        <TextField label={t.endDate} type="month" value={form.endDate} onChange={set("endDate")} error={action.fieldError("endDate")} hint={t.endHint} placeholder="2021-06" />
      </div>
    </EntryForm>
  );
}

function EducationEntry(props: { entry: EducationItem; onEdit: () => void }) {
  const { m, locale } = useMessages();
  const t = m.profile.education;
  const e = props.entry;
  const details = [e.level, e.field].filter(Boolean).join(" · ");
  return (
    <EntryItem id={e.id} title={e.qualification} meta={`${e.institution} · ${formatPeriod(e.startDate, e.endDate, locale, t.ongoing)}`} texts={t} remove={deleteEducationAction} onEdit={props.onEdit}>
      {details ? <p className="small muted">{details}</p> : null}
    </EntryItem>
  );
}

export function EducationSection(props: { educations: EducationItem[] }) {
  return (
    <EntryListSection section="education" entries={props.educations}
      renderForm={(entry, onDone) => <EducationForm initial={entry} onDone={onDone} />}
      renderEntry={(entry, onEdit) => <EducationEntry key={entry.id} entry={entry} onEdit={onEdit} />} />
  );
}
