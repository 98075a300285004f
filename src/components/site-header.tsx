import Link from "next/link";
import { chooseAdapters } from "@/env";
import { adapters } from "@/server/adapters";
import { getMessages } from "@/i18n/server";
import { getSessionUser } from "@/server/context";
import { setLocale, signOutLocal } from "@/server/auth/actions";
import { SignOutButton } from "@clerk/nextjs";
import { PageViewCounter } from "./page-view-counter";

export async function SiteHeader() {
  const [{ locale, m, format }, user] = await Promise.all([getMessages(), getSessionUser()]);
  const clerk = chooseAdapters(adapters().config).auth === "clerk";
  return (
    <header className="site-header">
      {user ? <PageViewCounter /> : null}
      <Link href="/" className="brand">{m.common.appName}</Link>
      <nav aria-label={m.common.nav.main}>
        <ul>
          <li><Link href="/profile">{m.common.nav.profile}</Link></li>
          <li><Link href="/search">{m.common.nav.search}</Link></li>
          <li><Link href="/matches">{m.common.nav.matches}</Link></li>
          {user ? <li><Link href="/settings/privacy">{m.common.nav.settings}</Link></li> : null}
          {user?.isAdmin ? (
            <>
              <li><Link href="/admin/trends">{m.common.nav.admin}</Link></li>
              <li><Link href="/admin/policy">{m.common.nav.adminPolicy}</Link></li>
            </>
          ) : null}
        </ul>
      </nav>
      <div className="header-tools">
        <form action={setLocale} className="locale-switch">
          <span className="visually-hidden">{m.common.language.label}</span>
          {(["nb", "en"] as const).map((l) => (
            <button key={l} name="locale" value={l} aria-pressed={locale === l} className="link-button" lang={l}>
              {m.common.language[l]}
            </button>
          ))}
        </form>
        {user ? (
          <>
            <span className="muted small">{format(m.common.auth.signedInAs, { name: user.displayName })}</span>
            {clerk ? (
              <SignOutButton><button className="btn">{m.common.auth.signOut}</button></SignOutButton>
            ) : (
              <form action={signOutLocal}><button className="btn">{m.common.auth.signOut}</button></form>
            )}
          </>
        ) : (
          <Link className="btn primary" href="/sign-in">{m.common.auth.signIn}</Link>
        )}
      </div>
    </header>
  );
}
