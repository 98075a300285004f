import { redirect } from "next/navigation";
import { SignIn } from "@clerk/nextjs";
import { chooseAdapters } from "@/env";
import { adapters } from "@/server/adapters";
import { getMessages } from "@/i18n/server";
import { getSessionUser } from "@/server/context";
import { safeNextPath } from "@/server/http/safe-redirect";
import { LocalSignInForm } from "@/components/local-sign-in-form";

export default async function SignInPage(props: { searchParams: Promise<{ next?: string }> }) {
  const next = safeNextPath((await props.searchParams).next);
  if (await getSessionUser()) redirect(next);
  const { m } = await getMessages();
  if (chooseAdapters(adapters().config).auth === "clerk") {
    return (
      <section className="narrow">
        <SignIn routing="hash" forceRedirectUrl={next} />
      </section>
    );
  }
  return (
    <section className="narrow card">
      <h1>{m.auth.title}</h1>
      <p className="muted">{m.auth.lead}</p>
      <LocalSignInForm next={next} />
      <p className="hint">{m.auth.demoHint}</p>
    </section>
  );
}
