"use client";
import { useId, useState } from "react";
import { ConfirmButton, headingNear } from "@/components/confirm-button";
import { ConceptAutocomplete, type ConceptChoice } from "@/components/concept-autocomplete";
import { useMessages } from "@/i18n/client";
import { addSkillAction, removeSkillAction, updateSkillLevelAction } from "@/server/profile/actions";
import type { SkillItem } from "@/server/profile/queries";
import { FormError } from "./fields";
import { LevelSelect } from "./level-select";
import styles from "./profile.module.css";
import { useProfileAction } from "./use-profile-action";

function SkillRow(props: { skill: SkillItem }) {
  const { m, format } = useMessages();
  const t = m.profile.skills;
  const action = useProfileAction();
  const [level, setLevel] = useState(props.skill.level);
  const s = props.skill;
  return (
    <li className={styles.skillRow} aria-busy={action.pending}>
      <span className={styles.skillName}>
        {s.label}
        {s.custom ? (
          <span className={styles.customTag} title={t.customHint}>
            {t.custom}
          </span>
        ) : null}
      </span>
      <LevelSelect
        label={format(t.levelFor, { label: s.label })}
        value={level}
        disabled={action.pending}
        onChange={(next) => {
          const previous = level;
          setLevel(next);
          // A failed save puts the old level back; the error says why.
          action.run(updateSkillLevelAction, { id: s.id, level: next }, undefined, () => setLevel(previous));
        }}
      />
      <ConfirmButton
        className={`btn ${styles.iconButton}`}
        aria-label={format(t.removeLabel, { label: s.label })}
        disabled={action.pending}
        question={format(t.confirmRemove, { label: s.label })}
        confirmLabel={m.common.actions.remove}
        onConfirm={(opener) => {
          const heading = headingNear(opener);
          action.run(removeSkillAction, { id: s.id }, () => heading?.focus());
        }}
      >
        {m.common.actions.remove}
      </ConfirmButton>
      {action.formError ? (
        <span className={`field-error ${styles.rowError}`} role="alert">
          {action.formError}
        </span>
      ) : null}
    </li>
  );
}

export function SkillsSection(props: { skills: SkillItem[] }) {
  const { m, format } = useMessages();
  const t = m.profile.skills;
  const levelId = useId();
  const [newLevel, setNewLevel] = useState<number | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  // The search box is emptied only after a successful add, so a failed save keeps the text; focus stays in it.
  const [searchKey, setSearchKey] = useState(0);
  const action = useProfileAction();

  function onSelect(choice: ConceptChoice) {
    setAdded(null);
    const label = "conceptId" in choice ? choice.label : choice.customLabel;
    const input = "conceptId" in choice ? { conceptId: choice.conceptId, level: newLevel } : { customLabel: choice.customLabel, level: newLevel };
    action.run(addSkillAction, input, () => {
      setAdded(format(t.added, { label }));
      setSearchKey((k) => k + 1);
    });
  }

  return (
    <section className={`card ${styles.section}`} aria-labelledby="skills-heading">
      <header className={styles.sectionHeader}>
        <h2 id="skills-heading" tabIndex={-1}>{m.profile.sections.skills}</h2>
        {props.skills.length > 0 ? <span className="muted small">{format(t.count, { count: props.skills.length })}</span> : null}
      </header>
      <div className={styles.addBar}>
        <div className={styles.addBarSearch}>
          <ConceptAutocomplete resetKey={searchKey} kind="skill" label={t.addLabel} placeholder={t.placeholder} allowCustom onSelect={onSelect} />
        </div>
        <div className="field">
          <label htmlFor={levelId}>{t.levelForNew}</label>
          <LevelSelect id={levelId} value={newLevel} onChange={setNewLevel} />
        </div>
      </div>
      <div aria-live="polite">
        {action.pending ? <p className="muted small">{m.common.actions.saving}</p> : null}
        <FormError message={action.fieldError("skill", "conceptId", "customLabel", "level") ?? action.formError} />
        {added && !action.pending ? <p className="notice success">{added}</p> : null}
      </div>
      {props.skills.length === 0 ? (
        <div className={styles.inlineEmpty}>
          <p className={styles.emptyTitle}>{t.emptyTitle}</p>
          <p className="muted">{t.emptyBody}</p>
        </div>
      ) : (
        <ul className={`list-plain ${styles.skillList}`}>
          {props.skills.map((skill) => (
            <SkillRow key={`${skill.id}:${skill.level ?? ""}`} skill={skill} />
          ))}
        </ul>
      )}
    </section>
  );
}
