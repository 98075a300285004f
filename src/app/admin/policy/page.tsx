import type { Metadata } from "next";
import { currentPolicy } from "@/i18n/messages/policy";
import { getMessages } from "@/i18n/server";
import { requireAdmin } from "@/server/context";
import { adapters } from "@/server/adapters";
import { earliestMaterialDate, listPolicyVersions } from "@/server/privacy/policy";
import { PublishPolicyForm } from "./publish-form";
import { policyTimeZone } from "@/server/privacy/oslo-time";

export const metadata: Metadata = { title: "Admin · Policy" };

export default async function AdminPolicyPage() {
  await requireAdmin();
  const { locale, m, format } = await getMessages();
  const t = m.privacy.admin;
  const versions = await listPolicyVersions(await adapters().db());
  const fmt = new Intl.DateTimeFormat(locale === "nb" ? "nb-NO" : "en-GB", { dateStyle: "medium", timeZone: policyTimeZone });
  const earliestMaterial = earliestMaterialDate();
  return (
    <section className="stack">
      <h1>{t.title}</h1>
      <p className="muted">{t.lead}</p>
      <div className="card">
        <PublishPolicyForm earliestMaterial={earliestMaterial} />
      </div>
      <section className="stack" aria-labelledby="history-title">
        <h2 id="history-title">{t.history}</h2>
        {versions.length === 0 ? (
          <p className="empty-state">{format(t.empty, { version: currentPolicy.version })}</p>
        ) : (
          <ul className="list-plain stack">
            {versions.map((v) => (
              <li key={v.id} className="card">
                <strong>{v.version}</strong> {v.material ? <span className="tag">{t.materialTag}</span> : null}{" "}
                <span className="muted">{fmt.format(v.publishedAt)} → {fmt.format(v.effectiveAt)}</span>
                <p>{v.summary[locale]}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
