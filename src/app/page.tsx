import Link from "next/link";
import { getMessages } from "@/i18n/server";
import { getSessionUser } from "@/server/context";

export default async function HomePage() {
  const [{ m }, user] = await Promise.all([getMessages(), getSessionUser()]);
  return (
    <section className="hero">
      <h1>{m.common.home.title}</h1>
      <p className="lead">{m.common.home.lead}</p>
      <Link className="btn primary large" href={user ? "/profile" : "/sign-in"}>
        {user ? m.common.home.ctaSignedIn : m.common.home.cta}
      </Link>
      <p className="muted">{m.common.home.privacyPromise}</p>
    </section>
  );
}
