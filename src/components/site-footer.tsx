import Link from "next/link";
import { getMessages } from "@/i18n/server";

export async function SiteFooter() {
  const { m } = await getMessages();
  return (
    <footer className="site-footer">
      <Link href="/privacy">{m.common.footer.privacy}</Link>
      <span className="muted small">{m.common.footer.esco}</span>
    </footer>
  );
}
