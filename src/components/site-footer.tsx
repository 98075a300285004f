import Link from "next/link";
import { CookieSettingsButton } from "@/components/consent/cookie-banner";
import { getMessages } from "@/i18n/server";

export async function SiteFooter() {
  const { m } = await getMessages();
  return (
    <footer className="site-footer">
      <Link href="/privacy">{m.common.footer.privacy}</Link>
      <CookieSettingsButton label={m.common.footer.cookies} />
      <span className="muted small">{m.common.footer.esco}</span>
    </footer>
  );
}
