"use client";
import { useId, type ReactNode } from "react";
import { normaliseMonthInput } from "./dates";

type Described = { id: string; "aria-invalid": boolean; "aria-describedby"?: string };

/** A labelled form field with an optional hint and an inline error, wired up for screen readers. */
export function Field(props: { label: string; error?: string; hint?: string; children: (input: Described) => ReactNode }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [props.hint ? hintId : null, props.error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.children({ id, "aria-invalid": Boolean(props.error), "aria-describedby": describedBy })}
      {props.hint ? <span id={hintId} className="hint">{props.hint}</span> : null}
      {props.error ? <span id={errorId} className="field-error">{props.error}</span> : null}
    </div>
  );
}

export function TextField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  type?: "text" | "email" | "tel" | "month" | "date";
  maxLength?: number;
  required?: boolean;
  autoComplete?: string;
  placeholder?: string;
  disabled?: boolean;
}) {
  return (
    <Field label={props.label} error={props.error} hint={props.hint}>
      {(a) => (
        <input
          {...a}
          // A month is typed as its hint says ("2020-03"): Chromium's month picker would not take that text.
          type={props.type === "month" ? "text" : (props.type ?? "text")}
          inputMode={props.type === "month" ? "numeric" : undefined}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          onBlur={props.type === "month" ? (e) => props.onChange(normaliseMonthInput(e.target.value)) : undefined}
          maxLength={props.maxLength}
          required={props.required}
          autoComplete={props.autoComplete}
          placeholder={props.placeholder}
          disabled={props.disabled}
        />
      )}
    </Field>
  );
}

export function FormError(props: { message: string | null }) {
  return props.message ? (
    <p className="notice error" role="alert">
      {props.message}
    </p>
  ) : null;
}

export function SubmitButton(props: { pending: boolean; label: string; pendingLabel: string; onClick?: () => void; type?: "submit" | "button" }) {
  return (
    <button className="btn primary" type={props.type ?? "submit"} disabled={props.pending} aria-busy={props.pending} onClick={props.onClick}>
      {props.pending ? props.pendingLabel : props.label}
    </button>
  );
}
