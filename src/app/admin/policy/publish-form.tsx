"use client";
import { useState, useTransition } from "react";
import { useMessages } from "@/i18n/client";
import { publishPolicyAction } from "@/server/privacy/actions";

type Errors = Partial<Record<"version" | "summaryNb" | "summaryEn" | "effectiveDate" | "_", string>>;

export function PublishPolicyForm({ earliestMaterial }: { earliestMaterial: string }) {
  const { m, format } = useMessages();
  const t = m.privacy.admin;
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Errors>({});
  const [done, setDone] = useState<string | null>(null);
  const [material, setMaterial] = useState(false);

  const submit = (form: FormData) =>
    startTransition(async () => {
      setDone(null);
      const result = await publishPolicyAction({
        version: String(form.get("version") ?? ""),
        summaryNb: String(form.get("summaryNb") ?? ""),
        summaryEn: String(form.get("summaryEn") ?? ""),
        material: form.get("material") === "on",
        effectiveDate: String(form.get("effectiveDate") ?? ""),
      });
      if (result.ok) {
        setErrors({});
        setDone(format(t.published, { version: result.data.version, count: result.data.queued }));
        return;
      }
      const f = result.fieldErrors ?? {};
      const next: Errors = {};
      if (f.effectiveDate) next.effectiveDate = f.effectiveDate.includes("notice_period") ? t.noticePeriod : m.common.errors.invalidInput;
      if (f.version) next.version = f.version.includes("taken") ? t.taken : m.common.errors.invalidInput;
      if (f.summaryNb) next.summaryNb = m.common.errors.invalidInput;
      if (f.summaryEn) next.summaryEn = m.common.errors.invalidInput;
      if (Object.keys(next).length === 0) next._ = m.common.errors.generic;
      setErrors(next);
    });

  const field = (name: keyof Errors) => ({
    name,
    "aria-invalid": Boolean(errors[name]),
    "aria-describedby": errors[name] ? `${name}-error` : undefined,
  });
  const error = (name: keyof Errors) => (errors[name] ? <span id={`${name}-error`} className="field-error" role="alert">{errors[name]}</span> : null);

  return (
    <form
      className="stack"
      noValidate
      onSubmit={(e) => {
        // Not a form action: React would reset the fields afterwards, losing them on a refusal.
        e.preventDefault();
        submit(new FormData(e.currentTarget));
      }}
    >
      <label className="field">
        <span>{t.version}</span>
        <input {...field("version")} required maxLength={20} placeholder="1.1" />
        {error("version")}
      </label>
      <label className="field">
        <span>{t.summaryNb}</span>
        <textarea {...field("summaryNb")} required maxLength={2000} />
        {error("summaryNb")}
      </label>
      <label className="field">
        <span>{t.summaryEn}</span>
        <textarea {...field("summaryEn")} required maxLength={2000} />
        {error("summaryEn")}
      </label>
      <label className="row">
        <input type="checkbox" name="material" checked={material} onChange={(e) => setMaterial(e.currentTarget.checked)} />
        <span>{t.material}</span>
      </label>
      <label className="field">
        <span>{t.effectiveDate}</span>
        <input type="date" {...field("effectiveDate")} required min={material ? earliestMaterial : undefined} />
        {material ? <span className="hint">{t.noticePeriod}</span> : null}
        {error("effectiveDate")}
      </label>
      {errors._ ? <p className="field-error" role="alert">{errors._}</p> : null}
      {done ? <p className="notice success" role="status">{done}</p> : null}
      <div className="row">
        <button className="btn primary" type="submit" disabled={pending}>{pending ? m.common.actions.saving : t.publish}</button>
      </div>
    </form>
  );
}
