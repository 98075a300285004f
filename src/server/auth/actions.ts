"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { chooseAdapters } from "@/env";
import { adapters } from "@/server/adapters";
import { isLocale, localeCookie } from "@/i18n/locales";
import { safeNextPath } from "@/server/http/safe-redirect";
import { findOrCreateLocalUser, recordLogin } from "@/server/users/queries";
import { localAuthSecret } from "./local";
import { sessionCookie, sessionCookieOptions, signSession } from "./local-session";

const signInInput = z.object({
  email: z.email().max(254),
  displayName: z.string().trim().min(1).max(80),
});

export type SignInState = { error?: "email" | "displayName" | "unavailable"; values?: { email: string; displayName: string } };

/** Local sign-in (development and self-hosting only). */
export async function signInLocal(_prev: SignInState, form: FormData): Promise<SignInState> {
  const values = { email: String(form.get("email") ?? ""), displayName: String(form.get("displayName") ?? "") };
  if (chooseAdapters(adapters().config).auth !== "local") return { error: "unavailable", values };
  const parsed = signInInput.safeParse(values);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0] === "displayName" ? "displayName" : "email";
    return { error: field, values };
  }
  const db = await adapters().db();
  const user = await findOrCreateLocalUser(db, { email: parsed.data.email, displayName: parsed.data.displayName });
  await recordLogin(db, { userId: user.id, method: "local" });
  const token = await signSession(user.id, localAuthSecret(adapters().config));
  (await cookies()).set(sessionCookie, token, sessionCookieOptions(adapters().config.NODE_ENV === "production"));
  redirect(safeNextPath(form.get("next")));
}

export async function signOutLocal(): Promise<void> {
  (await cookies()).delete(sessionCookie);
  redirect("/");
}

export async function setLocale(form: FormData): Promise<void> {
  const locale = form.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(localeCookie, locale, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
}
