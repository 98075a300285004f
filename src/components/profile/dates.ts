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

/**
 * What a person types into a month field, as "YYYY-MM" when it can be read as a month:
 * "2020-03", "2020-3", "2020/03", "03.2020", "3/2020", "202003". Anything else is returned as
 * typed, so the server's validation can say what is wrong with it.
 */
export function normaliseMonthInput(typed: string): string {
  const text = typed.trim();
  const yearFirst = /^(\d{4})\s*[-./]?\s*(\d{1,2})$/.exec(text);
  const monthFirst = /^(\d{1,2})\s*[-./]\s*(\d{4})$/.exec(text);
  const [year, month] = yearFirst ? [yearFirst[1], yearFirst[2]] : monthFirst ? [monthFirst[2], monthFirst[1]] : [null, null];
  if (!year || !month) return typed;
  const m = Number(month);
  return m >= 1 && m <= 12 ? `${year}-${String(m).padStart(2, "0")}` : typed;
}
