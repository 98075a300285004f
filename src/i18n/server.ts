import "server-only";
import { cookies } from "next/headers";
import { formatterFor, type Format } from "./format";
import { defaultLocale, isLocale, localeCookie, type Locale } from "./locales";
import { messagesFor, type Messages } from "./messages";

export async function getLocale(): Promise<Locale> {
  const value = (await cookies()).get(localeCookie)?.value;
  return isLocale(value) ? value : defaultLocale;
}

export async function getMessages(): Promise<{ locale: Locale; m: Messages; format: Format }> {
  const locale = await getLocale();
  return { locale, m: messagesFor(locale), format: formatterFor(locale) };
}
