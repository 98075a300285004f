export type Dict = { readonly [key: string]: string | Dict };
/** The same keys as T, any strings: what the English side of a dictionary must provide. */
export type SameShape<T> = { readonly [K in keyof T]: T[K] extends string ? string : SameShape<T[K]> };

/**
 * One domain's texts in both languages; the type checker holds en to nb's keys. Texts with values
 * are ICU messages (`{name}`, `{count, plural, one {…} other {…}}`): format them with the
 * `format` that `getMessages()` / `useMessages()` hand out, bound to the reader's locale.
 */
export function bilingual<T extends Dict>(nb: T, en: SameShape<T>): { nb: T; en: SameShape<T> } {
  return { nb, en };
}
