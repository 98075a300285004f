// Every text exists in both languages, parses as an ICU message, and takes the same values in nb
// and en; counted texts follow each language's plural rules.
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, test } from "vitest";
import { formatterFor } from "@/i18n/format";
import { locales } from "@/i18n/locales";
import { clientMessages, messagesFor } from "@/i18n/messages";

type Tree = { readonly [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [p, v] of leaves(value, path)) out.set(p, v);
  }
  return out;
}

type AstNode = { type: number; value?: unknown; options?: Record<string, { value: AstNode[] }>; children?: AstNode[] };

/** The names of the values a message takes (arguments, plurals, selects), from its parsed form. */
function argumentNames(nodes: AstNode[], into = new Set<string>()): Set<string> {
  for (const node of nodes) {
    if (typeof node.value === "string" && node.type !== 0 && node.type !== 7) into.add(node.value);
    for (const option of Object.values(node.options ?? {})) argumentNames(option.value, into);
    if (node.children) argumentNames(node.children, into);
  }
  return into;
}

const texts = Object.fromEntries(locales.map((l) => [l, leaves(messagesFor(l) as unknown as Tree)])) as Record<(typeof locales)[number], Map<string, string>>;

describe("messages", () => {
  test("nb and en have exactly the same keys", () => {
    const nb = [...texts.nb.keys()].sort();
    const en = [...texts.en.keys()].sort();
    expect(en.filter((k) => !texts.nb.has(k))).toEqual([]);
    expect(nb.filter((k) => !texts.en.has(k))).toEqual([]);
    expect(nb.length).toBeGreaterThan(100);
  });

  test("the key check fails when a language lacks a key", () => {
    const en = leaves({ a: "x", b: { c: "y" } });
    const nb = leaves({ a: "x", b: {} });
    expect([...en.keys()].filter((k) => !nb.has(k))).toEqual(["b.c"]);
  });

  test("every text parses as ICU and takes the same values in nb and en", () => {
    const mismatched: string[] = [];
    for (const [key, nb] of texts.nb) {
      const en = texts.en.get(key) ?? "";
      const nbArgs = [...argumentNames(new IntlMessageFormat(nb, "nb").getAst() as AstNode[])].sort();
      const enArgs = [...argumentNames(new IntlMessageFormat(en, "en").getAst() as AstNode[])].sort();
      if (nbArgs.join() !== enArgs.join()) mismatched.push(`${key}: nb {${nbArgs}} en {${enArgs}}`);
    }
    expect(mismatched).toEqual([]);
  });
});

describe("messages sent to the browser", () => {
  test("leave out the domains only server components read, and nothing else", () => {
    const all = messagesFor("nb");
    const sent = clientMessages(all);
    expect(Object.keys(sent).sort()).toEqual(Object.keys(all).filter((d) => d !== "policy" && d !== "stats").sort());
    expect(sent.profile).toBe(all.profile);
  });
});

describe("plural messages", () => {
  const cases = [
    { locale: "nb", one: "1 ferdighet", many: "2 ferdigheter", results: ["1 treff", "3 treff"], days: ["1 dag", "30 dager"] },
    { locale: "en", one: "1 skill", many: "2 skills", results: ["1 result", "3 results"], days: ["1 day", "30 days"] },
  ] as const;

  test.each(cases)("$locale counts in its own grammar", ({ locale, one, many, results, days }) => {
    const m = messagesFor(locale);
    const format = formatterFor(locale);
    expect(format(m.profile.skills.count, { count: 1 })).toBe(one);
    expect(format(m.profile.skills.count, { count: 2 })).toBe(many);
    expect(format(m.search.resultCount, { count: 1 })).toBe(results[0]);
    expect(format(m.search.resultCount, { count: 3 })).toBe(results[1]);
    expect(format(m.stats.filters.days, { n: 1 })).toBe(days[0]);
    expect(format(m.stats.filters.days, { n: 30 })).toBe(days[1]);
    expect(format(m.matching.extract.found, { count: 1 })).not.toMatch(/\b1 (ferdigheter|skills)\b/);
  });

  test("numbers are written the locale's way", () => {
    expect(formatterFor("nb")(messagesFor("nb").profile.skills.count, { count: 1200 })).toBe("1\u00a0200 ferdigheter");
    expect(formatterFor("en")(messagesFor("en").profile.skills.count, { count: 1200 })).toBe("1,200 skills");
  });

  test("a missing value is an error, not a visible placeholder", () => {
    expect(() => formatterFor("en")(messagesFor("en").profile.skills.count)).toThrow();
  });
});
