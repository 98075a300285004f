import type { Metadata } from "next";
import Link from "next/link";
import { getMessages } from "@/i18n/server";

export const metadata: Metadata = { title: "Slettet / Deleted", robots: { index: false } };

/** Shown after account deletion; needs no session, since there is none any more. */
export default async function AccountDeletedPage() {
  const { m } = await getMessages();
  const t = m.privacy.settings.deleted;
  return (
    <section className="stack">
      <h1>{t.title}</h1>
      <p className="notice success" role="status">{t.body}</p>
      <p><Link className="btn" href="/">{t.home}</Link></p>
    </section>
  );
}
