"use server";
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { chooseAdapters } from "@/env";
import { consentCookie, consentCookieMaxAge, consentCookieValue } from "@/components/consent/consent-cookie";
import { adminAction, userAction, type ActionResult } from "@/server/action";
import { adapters } from "@/server/adapters";
import { sessionCookie } from "@/server/auth/local-session";
import { getSessionUser } from "@/server/context";
import { consentPurposeValues } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { processOutbox } from "@/server/mail";
import { recordConsent } from "./consent";
import { eraseUser } from "./erase";
import { setObjected, setRestricted } from "./flags";
import { acknowledgePolicy, effectivePolicy, publishPolicy, publishPolicyInput } from "./policy";
import { log } from "@/server/log";

async function setConsentCookie(analytics: boolean) {
  (await cookies()).set(consentCookie, consentCookieValue({ analytics }), {
    path: "/",
    sameSite: "lax",
    secure: adapters().config.NODE_ENV === "production",
    maxAge: consentCookieMaxAge,
  });
}

export const setRestrictionAction = userAction(z.object({ restricted: z.boolean() }), async (input, { user, db }) => {
  const result = await setRestricted(db, { userId: user.id, restricted: input.restricted });
  revalidatePath("/settings/privacy");
  return { restrictedAt: result.restrictedAt?.toISOString() ?? null };
});

export const setObjectionAction = userAction(z.object({ objected: z.boolean() }), async (input, { user, db }) => {
  const result = await setObjected(db, { userId: user.id, objected: input.objected });
  revalidatePath("/settings/privacy");
  return { objectedAt: result.objectedAt?.toISOString() ?? null };
});

export const setConsentAction = userAction(
  z.object({ purpose: z.enum(consentPurposeValues), granted: z.boolean() }),
  async (input, { user, db }) => {
    const { version } = await effectivePolicy(db);
    await recordConsent(db, { userId: user.id, purpose: input.purpose, granted: input.granted, source: "settings", policyVersion: version });
    if (input.purpose === "analytics") await setConsentCookie(input.granted);
    revalidatePath("/settings/privacy");
    return { purpose: input.purpose, granted: input.granted };
  },
);

const cookieChoiceInput = z.object({ analytics: z.boolean(), source: z.enum(["cookie_banner", "settings"]).default("cookie_banner") });

/** The cookie banner's choice: stored in the versioned cookie for everyone, and in the ledger when signed in. */
export async function saveCookieChoice(raw: z.input<typeof cookieChoiceInput>): Promise<ActionResult<{ analytics: boolean }>> {
  const parsed = cookieChoiceInput.safeParse(raw);
  if (!parsed.success) return { ok: false, code: "bad_request", error: "Invalid input" };
  try {
    await setConsentCookie(parsed.data.analytics);
    const user = await getSessionUser();
    if (user) {
      const db = await adapters().db();
      const { version } = await effectivePolicy(db);
      await recordConsent(db, { userId: user.id, purpose: "analytics", granted: parsed.data.analytics, source: parsed.data.source, policyVersion: version });
    }
    return { ok: true, data: { analytics: parsed.data.analytics } };
  } catch (error) {
    log.error("privacy", "saving cookie choice failed", { error });
    return { ok: false, code: "internal", error: "Something went wrong" };
  }
}

export const deleteAccountAction = userAction(z.object({ confirmEmail: z.string().trim().max(254) }), async (input, { user, db, config, deleters }) => {
  if (input.confirmEmail.toLowerCase() !== user.email.toLowerCase()) {
    throw new AppError("bad_request", "The e-mail address does not match the account", { fieldErrors: { confirmEmail: ["mismatch"] } });
  }
  await eraseUser(db, { userId: user.id, deleters });
  // Local mode: the session cookie is ours to delete. Clerk mode: deleting the Clerk user ends its sessions.
  if (chooseAdapters(config).auth === "local") (await cookies()).delete(sessionCookie);
  return { redirectTo: "/settings/privacy/deleted" };
});

export const acknowledgePolicyAction = userAction(z.object({ policyVersionId: z.number().int().positive() }), async (input, { user, db }) => {
  await acknowledgePolicy(db, { userId: user.id, policyVersionId: input.policyVersionId });
  revalidatePath("/", "layout");
  return { acknowledged: input.policyVersionId };
});

export const publishPolicyAction = adminAction(publishPolicyInput, async (input, { db, config, mail }) => {
  const { version, queued } = await publishPolicy(db, input);
  // Embedded mode has no cron: hand the queued mail to the (logging) provider right away.
  if (chooseAdapters(config).db === "pglite") await processOutbox(db, mail);
  revalidatePath("/admin/policy");
  revalidatePath("/privacy");
  revalidatePath("/", "layout");
  return { version: version.version, queued };
});
