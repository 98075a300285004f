"use client";
import { useActionState } from "react";
import { useMessages } from "@/i18n/client";
import { signInLocal, type SignInState } from "@/server/auth/actions";

export function LocalSignInForm({ next }: { next?: string }) {
  const { m } = useMessages();
  const [state, action, pending] = useActionState<SignInState, FormData>(signInLocal, {});
  const emailError = state.error === "email" ? m.auth.errors.email : undefined;
  const nameError = state.error === "displayName" ? m.auth.errors.displayName : undefined;
  return (
    <form action={action} className="stack" noValidate>
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <label className="field">
        <span>{m.auth.email}</span>
        <input name="email" type="email" autoComplete="email" required defaultValue={state.values?.email}
          aria-invalid={Boolean(emailError)} aria-describedby={emailError ? "email-error" : undefined} />
        {emailError ? <span id="email-error" className="field-error" role="alert">{emailError}</span> : null}
      </label>
      <label className="field">
        <span>{m.auth.displayName}</span>
        <input name="displayName" autoComplete="name" required maxLength={80} defaultValue={state.values?.displayName}
          aria-invalid={Boolean(nameError)} aria-describedby={nameError ? "name-error" : undefined} />
        {nameError ? <span id="name-error" className="field-error" role="alert">{nameError}</span> : null}
      </label>
      {state.error === "unavailable" ? <p className="field-error" role="alert">{m.common.errors.generic}</p> : null}
      <button className="btn primary" type="submit" disabled={pending}>{pending ? m.common.actions.loading : m.auth.submit}</button>
    </form>
  );
}
