export type Dict = { readonly [key: string]: string | Dict };
/** The same keys as T, any strings: what the English side of a dictionary must provide. */
export type SameShape<T> = { readonly [K in keyof T]: T[K] extends string ? string : SameShape<T[K]> };

/** One domain's texts in both languages; the type checker holds en to nb's keys. */
export function bilingual<T extends Dict>(nb: T, en: SameShape<T>): { nb: T; en: SameShape<T> } {
  return { nb, en };
}

/** Fills `{name}` placeholders. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
