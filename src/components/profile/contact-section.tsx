"use client";
import { useState, type FormEvent } from "react";
import { useMessages } from "@/i18n/client";
import { saveContactAction } from "@/server/profile/actions";
import type { Contact } from "@/server/profile/queries";
import { limits } from "@/server/profile/schemas";
import { Field, FormError, SubmitButton, TextField } from "./fields";
import styles from "./profile.module.css";
import { useProfileAction } from "./use-profile-action";

type Form = Record<"fullName" | "email" | "addressLine" | "postalCode" | "city" | "country" | "phone", string> & {
  preferredLanguage: "" | "nb" | "en";
};

function toForm(c: Contact): Form {
  return {
    fullName: c.fullName ?? "",
    email: c.email ?? "",
    addressLine: c.addressLine ?? "",
    postalCode: c.postalCode ?? "",
    city: c.city ?? "",
    country: c.country ?? "",
    phone: c.phone ?? "",
    preferredLanguage: c.preferredLanguage ?? "",
  };
}

/** Phone numbers are shown the way Norwegians write them: +47 912 34 567. */
function displayPhone(phone: string): string {
  const m = /^\+47(\d{3})(\d{2})(\d{3})$/.exec(phone);
  return m ? `+47 ${m[1]} ${m[2]} ${m[3]}` : phone;
}

export function ContactSection(props: { contact: Contact }) {
  const { m } = useMessages();
  const t = m.profile.contact;
  const [editing, setEditing] = useState(false);
  const [form, setForm] = useState<Form>(() => toForm(props.contact));
  const [saved, setSaved] = useState(false);
  const action = useProfileAction();
  const set = (key: Exclude<keyof Form, "preferredLanguage">) => (value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    setSaved(false);
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    action.run(saveContactAction, form, () => {
      setEditing(false);
      setSaved(true);
    });
  }

  const c = props.contact;
  const address = [c.addressLine, [c.postalCode, c.city].filter(Boolean).join(" "), c.country].filter(Boolean).join(", ");
  const isEmpty = !c.fullName && !c.email && !c.phone && !address;

  return (
    <section className={`card ${styles.section}`} aria-labelledby="contact-heading">
      <header className={styles.sectionHeader}>
        <h2 id="contact-heading">{m.profile.sections.contact}</h2>
        {!editing ? (
          <button
            type="button"
            className="btn"
            onClick={() => {
              setForm(toForm(props.contact));
              action.reset();
              setEditing(true);
            }}
          >
            {isEmpty ? t.fill : m.common.actions.edit}
          </button>
        ) : null}
      </header>
      {saved && !editing ? <p className="notice success" role="status">{m.profile.saved}</p> : null}
      {editing ? (
        <form className="stack" onSubmit={onSubmit} noValidate>
          <FormError message={action.formError} />
          <div className="grid-2">
            <TextField label={t.fullName} value={form.fullName} onChange={set("fullName")} error={action.fieldError("fullName")} maxLength={limits.name} autoComplete="name" />
            <TextField label={t.email} type="email" value={form.email} onChange={set("email")} error={action.fieldError("email")} maxLength={limits.email} autoComplete="email" />
            <TextField label={t.phone} type="tel" value={form.phone} onChange={set("phone")} error={action.fieldError("phone")} hint={t.phoneHint} maxLength={40} autoComplete="tel" />
            <Field label={t.preferredLanguage} error={action.fieldError("preferredLanguage")}>
              {(a) => (
                <select {...a} value={form.preferredLanguage} onChange={(e) => {
                    const v = e.target.value;
                    setForm((f) => ({ ...f, preferredLanguage: v === "nb" || v === "en" ? v : "" }));
                  }}>
                  <option value="">{t.languageNone}</option>
                  <option value="nb">{m.common.language.nb}</option>
                  <option value="en">{m.common.language.en}</option>
                </select>
              )}
            </Field>
            <TextField label={t.addressLine} value={form.addressLine} onChange={set("addressLine")} error={action.fieldError("addressLine")} maxLength={limits.addressLine} autoComplete="street-address" />
            <TextField label={t.postalCode} value={form.postalCode} onChange={set("postalCode")} error={action.fieldError("postalCode")} maxLength={limits.postalCode} autoComplete="postal-code" />
            <TextField label={t.city} value={form.city} onChange={set("city")} error={action.fieldError("city")} maxLength={limits.city} autoComplete="address-level2" />
            <TextField label={t.country} value={form.country} onChange={set("country")} error={action.fieldError("country")} maxLength={limits.country} autoComplete="country-name" />
          </div>
          <div className="row">
            <SubmitButton pending={action.pending} label={m.common.actions.save} pendingLabel={m.common.actions.saving} />
            <button type="button" className="btn" onClick={() => setEditing(false)} disabled={action.pending}>
              {m.common.actions.cancel}
            </button>
          </div>
        </form>
      ) : isEmpty ? (
        <div className={styles.inlineEmpty}>
          <p className={styles.emptyTitle}>{t.emptyTitle}</p>
          <p className="muted">{t.emptyBody}</p>
        </div>
      ) : (
        <dl className={styles.details}>
          <dt>{t.fullName}</dt>
          <dd>{c.fullName ?? <span className="muted">{t.notGiven}</span>}</dd>
          <dt>{t.email}</dt>
          <dd>{c.email ?? <span className="muted">{t.notGiven}</span>}</dd>
          <dt>{t.phone}</dt>
          <dd>{c.phone ? displayPhone(c.phone) : <span className="muted">{t.notGiven}</span>}</dd>
          <dt>{t.addressLine}</dt>
          <dd>{address || <span className="muted">{t.notGiven}</span>}</dd>
          <dt>{t.preferredLanguage}</dt>
          <dd>{c.preferredLanguage ? m.common.language[c.preferredLanguage] : <span className="muted">{t.languageNone}</span>}</dd>
        </dl>
      )}
    </section>
  );
}
