"use client";
import { useState, useTransition } from "react";
import { useConsent } from "@/components/consent/consent-provider";
import { useMessages } from "@/i18n/client";
import { deleteAccountAction, setConsentAction, setObjectionAction, setRestrictionAction } from "@/server/privacy/actions";

/** Restriction or objection: shows the current state and one button that flips it. */
export function FlagToggle(props: { kind: "restriction" | "objection"; active: boolean; status: string }) {
  const { m } = useMessages();
  const t = m.privacy.settings[props.kind];
  const [pending, startTransition] = useTransition();
  const [failed, setFailed] = useState(false);
  const flip = () =>
    startTransition(async () => {
      const result =
        props.kind === "restriction" ? await setRestrictionAction({ restricted: !props.active }) : await setObjectionAction({ objected: !props.active });
      setFailed(!result.ok);
    });
  return (
    <div className="stack">
      <p role="status"><strong>{props.status}</strong></p>
      <div className="row">
        <button type="button" className="btn" onClick={flip} disabled={pending} aria-pressed={props.active}>
          {pending ? m.common.actions.saving : props.active ? t.disable : t.enable}
        </button>
      </div>
      {failed ? <p className="field-error" role="alert">{m.privacy.settings.error}</p> : null}
    </div>
  );
}

type Purpose = "marketing_email" | "newsletter" | "analytics";

/** One checkbox per purpose; each change is a grant or a withdrawal in the ledger. */
export function ConsentToggles({ initial }: { initial: Record<Purpose, boolean> }) {
  const { m } = useMessages();
  const consent = useConsent();
  const [state, setState] = useState(initial);
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<"saved" | "error" | null>(null);
  const analytics = consent.choice?.analytics ?? state.analytics;

  const change = (purpose: Purpose, granted: boolean) =>
    startTransition(async () => {
      // Analytics goes through the same path as the cookie banner, so the page reacts at once.
      const ok = purpose === "analytics" ? await consent.choose(granted, "settings") : (await setConsentAction({ purpose, granted })).ok;
      if (ok) setState((s) => ({ ...s, [purpose]: granted }));
      setMessage(ok ? "saved" : "error");
    });

  return (
    <fieldset className="stack" disabled={pending}>
      <legend className="visually-hidden">{m.privacy.settings.consents.title}</legend>
      {(["marketing_email", "newsletter", "analytics"] as const).map((purpose) => (
        <label key={purpose} className="row">
          <input
            type="checkbox"
            checked={purpose === "analytics" ? analytics : state[purpose]}
            onChange={(e) => change(purpose, e.currentTarget.checked)}
          />
          <span>{m.privacy.settings.consents[purpose]}</span>
        </label>
      ))}
      <p role="status" className={message === "error" ? "field-error" : "muted small"}>
        {message === "saved" ? m.privacy.settings.consents.saved : message === "error" ? m.privacy.settings.error : ""}
      </p>
    </fieldset>
  );
}

/** Deleting needs the account's e-mail typed in: hard to do by accident, easy to do on purpose. */
export function DeleteAccountForm({ email }: { email: string }) {
  const { m, format } = useMessages();
  const t = m.privacy.settings.deletion;
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const matches = value.trim().toLowerCase() === email.toLowerCase();

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!matches) {
      setError(t.mismatch);
      return;
    }
    startTransition(async () => {
      const result = await deleteAccountAction({ confirmEmail: value });
      if (result.ok) {
        // Clerk mode: end the browser's Clerk session too (the server already deleted the Clerk user).
        const clerk = (window as { Clerk?: { signOut?: () => Promise<unknown> } }).Clerk;
        await clerk?.signOut?.().catch(() => undefined);
        // A full navigation, so nothing of the signed-in session stays in the client.
        window.location.assign(result.data.redirectTo);
        return;
      }
      setError(result.fieldErrors?.confirmEmail ? t.mismatch : m.privacy.settings.error);
    });
  };

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <label className="field">
        <span>{format(t.confirmLabel, { email })}</span>
        <input
          type="email"
          autoComplete="off"
          value={value}
          onChange={(e) => {
            setValue(e.currentTarget.value);
            setError(null);
          }}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? "delete-error" : undefined}
        />
        {error ? <span id="delete-error" className="field-error" role="alert">{error}</span> : null}
      </label>
      <div className="row">
        <button type="submit" className="btn danger" disabled={pending || !matches}>
          {pending ? m.common.actions.loading : t.action}
        </button>
      </div>
    </form>
  );
}
