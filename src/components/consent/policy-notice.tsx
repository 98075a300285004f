import Link from "next/link";
import { getMessages } from "@/i18n/server";
import { getSessionUser } from "@/server/context";
import { adapters } from "@/server/adapters";
import { policyTimeZone } from "@/server/privacy/oslo-time";
import { pendingPolicyNotice } from "@/server/privacy/policy";
import { AcknowledgePolicyButton } from "./policy-notice-button";

/** For signed-in users: a banner about the newest policy version until they acknowledge it. */
export async function PolicyNotice() {
  const user = await getSessionUser();
  if (!user) return null;
  const version = await pendingPolicyNotice(await adapters().db(), { userId: user.id });
  if (!version) return null;
  const { locale, m, format } = await getMessages();
  const date = new Intl.DateTimeFormat(locale === "nb" ? "nb-NO" : "en-GB", { dateStyle: "long", timeZone: policyTimeZone }).format(version.effectiveAt);
  return (
    <aside className="notice" role="status" aria-labelledby="policy-notice-title" data-testid="policy-notice">
      <strong id="policy-notice-title">{m.privacy.notice.title}</strong>{" "}
      <span>{format(m.privacy.notice.body, { version: version.version, date })}</span>{" "}
      {/* The summary itself is on /privacy (and in the e-mail); repeating it here showed it twice there. */}
      <div className="row">
        <Link href="/privacy">{m.privacy.notice.read}</Link>
        <AcknowledgePolicyButton policyVersionId={version.id} />
      </div>
    </aside>
  );
}
