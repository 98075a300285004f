import { IntlMessageFormat } from "intl-messageformat";
import type { Locale } from "./locales";

export type MessageValues = Readonly<Record<string, string | number>>;
/** Formats one ICU message (`{name}`, `{count, plural, one {…} other {…}}`) in a fixed locale. */
export type Format = (message: string, values?: MessageValues) => string;

const compiled = new Map<string, IntlMessageFormat>();

function compile(message: string, locale: Locale): IntlMessageFormat {
  const key = `${locale}\u0000${message}`;
  let found = compiled.get(key);
  if (!found) {
    found = new IntlMessageFormat(message, locale);
    compiled.set(key, found);
  }
  return found;
}

/** A formatter bound to the locale, so plural rules and number formats follow the reader's language. */
export function formatterFor(locale: Locale): Format {
  return (message, values) => String(compile(message, locale).format(values));
}
