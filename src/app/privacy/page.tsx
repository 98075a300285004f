import type { Metadata } from "next";
import { getEnv } from "@/env";
import { format } from "@/i18n/bilingual";
import { currentPolicy } from "@/i18n/messages/policy";
import { getMessages } from "@/i18n/server";

export const metadata: Metadata = { title: "Personvern / Privacy" };

export default async function PrivacyPolicyPage() {
  const { locale, m } = await getMessages();
  const date = new Intl.DateTimeFormat(locale === "nb" ? "nb-NO" : "en-GB", { dateStyle: "long" }).format(new Date(currentPolicy.effectiveDate));
  return (
    <article className="prose">
      <h1>{m.policy.title}</h1>
      <p className="muted">{format(m.policy.versionLine, { version: currentPolicy.version, date })}</p>
      <p>{m.policy.intro}</p>
      {Object.entries(m.policy.sections).map(([id, section]) => (
        <section key={id} id={id}>
          <h2>{section.title}</h2>
          <p>{format(section.body, { days: getEnv().SEARCH_LOG_RETENTION_DAYS })}</p>
        </section>
      ))}
    </article>
  );
}
