import type { Metadata } from "next";
import { adapters } from "@/server/adapters";
import { getMessages } from "@/i18n/server";
import { policyTimeZone } from "@/server/privacy/oslo-time";
import { effectivePolicy, upcomingPolicy } from "@/server/privacy/policy";

export const metadata: Metadata = { title: "Personvern / Privacy" };

export default async function PrivacyPolicyPage() {
  const { locale, m, format } = await getMessages();
  const db = await adapters().db();
  // The newest published version in force (policy_versions), else the built-in one.
  const policy = await effectivePolicy(db);
  const upcoming = await upcomingPolicy(db);
  const fmt = new Intl.DateTimeFormat(locale === "nb" ? "nb-NO" : "en-GB", { dateStyle: "long", timeZone: policyTimeZone });
  return (
    <article className="prose">
      <h1>{m.policy.title}</h1>
      <p className="muted">{format(m.policy.versionLine, { version: policy.version, date: fmt.format(policy.effectiveAt) })}</p>
      {policy.summary ? <p>{policy.summary[locale]}</p> : null}
      {upcoming ? (
        <p className="notice" role="note">
          {format(m.privacy.page.upcoming, { version: upcoming.version, date: fmt.format(upcoming.effectiveAt), summary: upcoming.summary[locale] })}
        </p>
      ) : null}
      <p>{m.policy.intro}</p>
      {Object.entries(m.policy.sections).map(([id, section]) => (
        <section key={id} id={id}>
          <h2>{section.title}</h2>
          <p>{format(section.body, { days: adapters().config.SEARCH_LOG_RETENTION_DAYS })}</p>
        </section>
      ))}
    </article>
  );
}
