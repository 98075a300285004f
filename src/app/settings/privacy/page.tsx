import type { Metadata } from "next";
import { eq } from "drizzle-orm";
import { getMessages } from "@/i18n/server";
import { requireUser } from "@/server/context";
import { adapters } from "@/server/adapters";
import { users } from "@/server/db/schema";
import { currentConsents } from "@/server/privacy/consent";
import { exportSchemaId } from "@/server/privacy/export-schema";
import { ConsentToggles, DeleteAccountForm, FlagToggle } from "./privacy-controls";

export const metadata: Metadata = { title: "Personvern / Privacy" };

export default async function PrivacySettingsPage() {
  const user = await requireUser("/settings/privacy");
  const { locale, m, format } = await getMessages();
  const db = await adapters().db();
  const [row] = await db.select({ restrictedAt: users.restrictedAt, objectedAt: users.objectedAt }).from(users).where(eq(users.id, user.id)).limit(1);
  const consents = await currentConsents(db, { userId: user.id });
  const t = m.privacy.settings;
  const when = (d: Date | null | undefined) =>
    d ? new Intl.DateTimeFormat(locale === "nb" ? "nb-NO" : "en-GB", { dateStyle: "long" }).format(d) : "";

  return (
    <section className="stack">
      <h1>{t.title}</h1>
      <p className="muted">{t.lead}</p>

      <section className="card stack" aria-labelledby="export-title">
        <h2 id="export-title">{t.export.title}</h2>
        <p>{t.export.body}</p>
        <div className="row">
          <a className="btn primary" href="/api/me/export" download>{t.export.action}</a>
          <a className="small" href={exportSchemaId}>{t.export.schema}</a>
        </div>
      </section>

      <section className="card stack" aria-labelledby="restriction-title">
        <h2 id="restriction-title">{t.restriction.title}</h2>
        <p>{t.restriction.body}</p>
        <FlagToggle
          kind="restriction"
          active={Boolean(row?.restrictedAt)}
          status={row?.restrictedAt ? format(t.restriction.on, { date: when(row.restrictedAt) }) : t.restriction.off}
        />
      </section>

      <section className="card stack" aria-labelledby="objection-title">
        <h2 id="objection-title">{t.objection.title}</h2>
        <p>{t.objection.body}</p>
        <FlagToggle
          kind="objection"
          active={Boolean(row?.objectedAt)}
          status={row?.objectedAt ? format(t.objection.on, { date: when(row.objectedAt) }) : t.objection.off}
        />
      </section>

      <section className="card stack" aria-labelledby="consents-title">
        <h2 id="consents-title">{t.consents.title}</h2>
        <p>{t.consents.body}</p>
        <ConsentToggles initial={consents} />
      </section>

      <section className="card stack" aria-labelledby="deletion-title">
        <h2 id="deletion-title">{t.deletion.title}</h2>
        <p>{t.deletion.body}</p>
        <DeleteAccountForm email={user.email} />
      </section>
    </section>
  );
}
