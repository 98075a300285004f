import type { Locale } from "@/i18n/locales";

/** "2020-01-01" -> "jan. 2020" / "Jan 2020": profiles are kept to the month. */
export function formatMonth(date: string, locale: Locale): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return new Intl.DateTimeFormat(locale === "nb" ? "nb-NO" : "en-GB", { month: "short", year: "numeric", timeZone: "UTC" }).format(d);
}

export function formatPeriod(start: string, end: string | null, locale: Locale, ongoing: string): string {
  return `${formatMonth(start, locale)} – ${end ? formatMonth(end, locale) : ongoing}`;
}

/** A stored date as the value of a month input. */
export function toMonthInput(date: string | null): string {
  return date ? date.slice(0, 7) : "";
}
