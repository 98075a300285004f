"use client";
import { useState } from "react";
import { ConceptAutocomplete } from "@/components/concept-autocomplete";
import { useMessages } from "@/i18n/client";
import { createExperienceAction, deleteExperienceAction, updateExperienceAction } from "@/server/profile/actions";
import type { ExperienceItem, SkillItem } from "@/server/profile/queries";
import { limits } from "@/server/profile/schemas";
import { formatPeriod, normaliseMonthInput, toMonthInput } from "./dates";
import { Field, TextField } from "./fields";
import { EntryItem } from "./entry-actions";
import { EntryForm, EntryListSection } from "./entry-list-section";
import styles from "./profile.module.css";
import { useProfileAction } from "./use-profile-action";

type Form = {
  title: string;
  organisation: string;
  startDate: string;
  endDate: string;
  ongoing: boolean;
  description: string;
  role: { conceptId: string; label: string } | null;
  userSkillIds: string[];
};

function toForm(e: ExperienceItem | null): Form {
  return {
    title: e?.title ?? "",
    organisation: e?.organisation ?? "",
    startDate: toMonthInput(e?.startDate ?? null),
    endDate: toMonthInput(e?.endDate ?? null),
    ongoing: e ? e.endDate === null : false,
    description: e?.description ?? "",
    role: e?.roleConceptId ? { conceptId: e.roleConceptId, label: e.roleLabel ?? "" } : null,
    userSkillIds: e?.userSkillIds ?? [],
  };
}

function ExperienceForm(props: { initial: ExperienceItem | null; skills: SkillItem[]; onDone: () => void }) {
  const { m, format } = useMessages();
  const t = m.profile.experience;
  const [form, setForm] = useState<Form>(() => toForm(props.initial));
  const action = useProfileAction();
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));

  function onSubmit() {
    const input = {
      title: form.title,
      organisation: form.organisation,
      startDate: normaliseMonthInput(form.startDate),
      endDate: form.ongoing ? null : normaliseMonthInput(form.endDate),
      description: form.description,
      roleConceptId: form.role?.conceptId ?? null,
      userSkillIds: form.userSkillIds.filter((id) => props.skills.some((s) => s.id === id)),
    };
    if (props.initial) action.run(updateExperienceAction, { id: props.initial.id, ...input }, props.onDone);
    else action.run(createExperienceAction, input, props.onDone);
  }

  return (
    <EntryForm title={props.initial ? t.editTitle : t.newTitle} error={action.formError} pending={action.pending} onSubmit={onSubmit} onCancel={props.onDone}>
      <div className="grid-2">
        <TextField label={t.title} value={form.title} onChange={(v) => set("title", v)} error={action.fieldError("title")} maxLength={limits.title} required autoComplete="organization-title" />
        <TextField label={t.organisation} value={form.organisation} onChange={(v) => set("organisation", v)} error={action.fieldError("organisation")} maxLength={limits.organisation} required autoComplete="organization" />
        <TextField label={t.startDate} type="month" value={form.startDate} onChange={(v) => set("startDate", v)} error={action.fieldError("startDate")} hint={t.monthHint} placeholder="2021-08" required />
        <div className="stack">
          <TextField label={t.endDate} type="month" value={form.ongoing ? "" : form.endDate} onChange={(v) => set("endDate", v)} error={action.fieldError("endDate")} hint={t.monthHint} placeholder="2024-06" disabled={form.ongoing} />
          <label className={styles.checkbox}>
            <input type="checkbox" checked={form.ongoing} onChange={(e) => set("ongoing", e.target.checked)} />
            {t.ongoing}
          </label>
        </div>
      </div>
      <Field label={t.description} hint={t.descriptionHint} error={action.fieldError("description")}>
        {(a) => <textarea {...a} value={form.description} maxLength={limits.description} onChange={(e) => set("description", e.target.value)} rows={4} />}
      </Field>
      <div className="stack">
        {form.role ? (
          <p className={styles.chosen}>
            <span>{format(t.roleChosen, { label: form.role.label })}</span>
            <button type="button" className="link-button" onClick={() => set("role", null)}>
              {t.roleClear}
            </button>
          </p>
        ) : (
          <ConceptAutocomplete
            kind="role"
            label={t.role}
            placeholder={t.rolePlaceholder}
            clearOnSelect
            onSelect={(choice) => {
              if ("conceptId" in choice) set("role", choice);
            }}
          />
        )}
        {action.fieldError("roleConceptId") ? <span className="field-error">{action.fieldError("roleConceptId")}</span> : null}
      </div>
      <fieldset className={styles.fieldset}>
        <legend>{t.skillsUsed}</legend>
        {props.skills.length === 0 ? (
          <p className="muted small">{t.skillsUsedEmpty}</p>
        ) : (
          <div className={styles.checkGrid}>
            {props.skills.map((s) => (
              <label key={s.id} className={styles.checkbox}>
                <input
                  type="checkbox"
                  checked={form.userSkillIds.includes(s.id)}
                  onChange={(e) =>
                    set("userSkillIds", e.target.checked ? [...form.userSkillIds, s.id] : form.userSkillIds.filter((id) => id !== s.id))
                  }
                />
                {s.label}
              </label>
            ))}
          </div>
        )}
        {action.fieldError("userSkillIds") ? <span className="field-error">{action.fieldError("userSkillIds")}</span> : null}
      </fieldset>
    </EntryForm>
  );
}

function ExperienceEntry(props: { entry: ExperienceItem; skills: SkillItem[]; onEdit: () => void }) {
  const { m, locale } = useMessages();
  const t = m.profile.experience;
  const e = props.entry;
  const used = props.skills.filter((s) => e.userSkillIds.includes(s.id));
  return (
    <EntryItem id={e.id} title={e.title} meta={`${e.organisation} · ${formatPeriod(e.startDate, e.endDate, locale, t.present)}`} texts={t} remove={deleteExperienceAction} onEdit={props.onEdit}>
      {e.roleLabel ? <p className="small muted">{e.roleLabel}</p> : null}
      {e.description ? <p className={styles.entryText}>{e.description}</p> : null}
      {used.length > 0 ? (
        <ul className={styles.tagList} aria-label={t.skillsUsed}>
          {used.map((s) => (
            <li key={s.id} className="tag">{s.label}</li>
          ))}
        </ul>
      ) : null}
    </EntryItem>
  );
}

export function ExperienceSection(props: { experiences: ExperienceItem[]; skills: SkillItem[] }) {
  return (
    <EntryListSection section="experience" entries={props.experiences}
      renderForm={(entry, onDone) => <ExperienceForm initial={entry} skills={props.skills} onDone={onDone} />}
      renderEntry={(entry, onEdit) => <ExperienceEntry key={entry.id} entry={entry} skills={props.skills} onEdit={onEdit} />} />
  );
}
