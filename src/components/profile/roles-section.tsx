"use client";
import { useState } from "react";
import { ConfirmButton, headingNear } from "@/components/confirm-button";
import { ConceptAutocomplete, type ConceptChoice } from "@/components/concept-autocomplete";
import { useMessages } from "@/i18n/client";
import { addRoleAction, removeRoleAction } from "@/server/profile/actions";
import type { RoleItem } from "@/server/profile/queries";
import { FormError } from "./fields";
import styles from "./profile.module.css";
import { useProfileAction } from "./use-profile-action";

function RoleTag(props: { role: RoleItem }) {
  const { m, format } = useMessages();
  const action = useProfileAction();
  const r = props.role;
  return (
    <li className={`tag ${styles.roleTag}`} aria-busy={action.pending}>
      <span>{r.label}</span>
      {r.custom ? <span className={styles.customTag}>{m.profile.roles.custom}</span> : null}
      <ConfirmButton
        className={styles.tagRemove}
        aria-label={format(m.profile.roles.removeLabel, { label: r.label })}
        disabled={action.pending}
        question={format(m.profile.roles.confirmRemove, { label: r.label })}
        confirmLabel={m.common.actions.remove}
        onConfirm={(opener) => {
          const heading = headingNear(opener);
          action.run(removeRoleAction, { id: r.id }, () => heading?.focus());
        }}
      >
        ×
      </ConfirmButton>
      {action.formError ? <span className="field-error" role="alert">{action.formError}</span> : null}
    </li>
  );
}

function RoleGroup(props: { kind: "current" | "target"; roles: RoleItem[] }) {
  const { m } = useMessages();
  const t = m.profile.roles;
  const action = useProfileAction();
  const headingId = `roles-${props.kind}-heading`;
  // Emptied (remounted) only after a successful add, so a failed save keeps the text.
  const [searchKey, setSearchKey] = useState(0);

  function onSelect(choice: ConceptChoice) {
    const input = "conceptId" in choice ? { kind: props.kind, conceptId: choice.conceptId } : { kind: props.kind, customLabel: choice.customLabel };
    action.run(addRoleAction, input, () => setSearchKey((k) => k + 1));
  }

  return (
    <div className={styles.roleGroup} aria-labelledby={headingId} role="group">
      <h3 id={headingId} tabIndex={-1}>{props.kind === "current" ? t.current : t.target}</h3>
      <ConceptAutocomplete
        resetKey={searchKey}
        kind="role"
        label={props.kind === "current" ? t.addCurrent : t.addTarget}
        placeholder={t.placeholder}
        allowCustom
        onSelect={onSelect}
      />
      <div aria-live="polite">
        {action.pending ? <p className="muted small">{m.common.actions.saving}</p> : null}
        <FormError message={action.fieldError("role", "conceptId", "customLabel") ?? action.formError} />
      </div>
      {props.roles.length === 0 ? (
        <p className="muted">{props.kind === "current" ? t.emptyCurrent : t.emptyTarget}</p>
      ) : (
        <ul className={styles.tagList}>
          {props.roles.map((role) => (
            <RoleTag key={role.id} role={role} />
          ))}
        </ul>
      )}
    </div>
  );
}

export function RolesSection(props: { roles: RoleItem[] }) {
  const { m } = useMessages();
  return (
    <section className={`card ${styles.section}`} aria-labelledby="roles-heading">
      <header className={styles.sectionHeader}>
        <h2 id="roles-heading">{m.profile.sections.roles}</h2>
      </header>
      <div className="grid-2">
        <RoleGroup kind="current" roles={props.roles.filter((r) => r.kind === "current")} />
        <RoleGroup kind="target" roles={props.roles.filter((r) => r.kind === "target")} />
      </div>
    </section>
  );
}
