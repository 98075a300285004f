// Bench queries built from the taxonomy's own labels, sampled with a fixed seed by concept URI:
// prefixes of 2-12 characters (some multi-word, ending mid-word), whole labels with a typo, ESCO
// alternative labels, and labelled synonym queries (nb and en) for precision.
import { foldText } from "@/server/taxonomy/fold";
import { rng } from "@/server/seeded-random";

export type LabelRow = { concept_id: string; uri: string; kind: "skill" | "role"; lang: string; label_kind: "preferred" | "alt" | "hidden"; label: string };
export type QueryKind = "prefix" | "prefix_multiword" | "typo" | "alt";
export type BenchQuery = {
  q: string;
  type: "skill" | "role";
  lang: "nb" | "en";
  expected: string;
  kind: QueryKind;
  /** For prefixes: how many concepts of the type have a label beginning with the text (10 or fewer: the expected one can be in a top 10). */
  sharedBy?: number;
};
export type PrecisionQuery = { q: string; type: "skill" | "role"; lang: "nb" | "en"; relevant: Set<string> };


/** One or two realistic slips in the longest word: dropped, doubled, swapped or replaced letters. */
export function typo(label: string, random: () => number): string | null {
  const words = label.split(" ");
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a), "");
  if (longest.length < 4) return null;
  let slipped = longest;
  const slips = longest.length >= 8 && random() < 0.3 ? 2 : 1;
  for (let s = 0; s < slips; s++) {
    const i = 1 + Math.floor(random() * Math.max(1, slipped.length - 2));
    const kind = Math.floor(random() * 4);
    slipped =
      kind === 0 ? slipped.slice(0, i) + slipped.slice(i + 1)
      : kind === 1 ? slipped.slice(0, i) + (slipped[i] ?? "") + slipped.slice(i)
      : kind === 2 ? slipped.slice(0, i - 1) + (slipped[i] ?? "") + (slipped[i - 1] ?? "") + slipped.slice(i + 1)
      : slipped.slice(0, i) + (slipped[i] === "e" ? "a" : "e") + slipped.slice(i + 1);
  }
  if (slipped === longest) return null;
  return words.map((w) => (w === longest ? slipped : w)).join(" ");
}

const asLang = (lang: string): "nb" | "en" => (lang === "nb" ? "nb" : "en");

/** Sampled by sorted URI with a fixed seed, so a run is reproducible on the same taxonomy. */
export function buildQueries(rows: LabelRow[], counts: Record<QueryKind, number>, seed = 7): BenchQuery[] {
  const shown = rows.filter((r) => r.label_kind !== "hidden").sort((a, b) => (a.uri + a.label < b.uri + b.label ? -1 : 1));
  const random = rng(seed);
  const pick = (from: LabelRow[]) => from[Math.floor(random() * from.length)] as LabelRow;
  const out: BenchQuery[] = [];
  const base = (r: LabelRow) => ({ type: r.kind, lang: asLang(r.lang), expected: r.concept_id });
  const multi = shown.filter((r) => r.label.includes(" "));
  const alts = shown.filter((r) => r.label_kind === "alt");
  for (let i = 0; i < counts.prefix; i++) {
    const r = pick(shown);
    out.push({ ...base(r), kind: "prefix", q: r.label.slice(0, 2 + Math.floor(random() * 11)) });
  }
  for (let i = 0; i < counts.prefix_multiword; i++) {
    const r = pick(multi);
    const firstSpace = r.label.indexOf(" ");
    // End one to four letters into a later word.
    const cut = Math.min(r.label.length, firstSpace + 2 + Math.floor(random() * 4));
    out.push({ ...base(r), kind: "prefix_multiword", q: r.label.slice(0, Math.max(cut, Math.min(12, r.label.length))) });
  }
  for (let made = 0; made < counts.typo; ) {
    const r = pick(shown);
    const q = typo(r.label, random);
    if (!q) continue;
    out.push({ ...base(r), kind: "typo", q });
    made++;
  }
  for (let i = 0; i < counts.alt && alts.length > 0; i++) {
    const r = pick(alts);
    out.push({ ...base(r), kind: "alt", q: r.label });
  }
  countSharedPrefixes(rows, out);
  return out;
}

function countSharedPrefixes(rows: LabelRow[], queries: BenchQuery[]): void {
  const labels = rows.map((r) => ({ kind: r.kind, concept: r.concept_id, text: foldText(r.label) }));
  for (const q of queries) {
    if (q.kind !== "prefix" && q.kind !== "prefix_multiword") continue;
    const prefix = foldText(q.q);
    const concepts = new Set<string>();
    for (const l of labels) if (l.kind === q.type && l.text.startsWith(prefix)) concepts.add(l.concept);
    q.sharedBy = concepts.size;
  }
}

/**
 * Synonym queries with their relevant concepts, judged from the taxonomy's labels alone: a concept is
 * relevant when one of its labels is the query or contains it as whole words.
 */
export function buildPrecisionQueries(rows: LabelRow[], perLang: Record<"nb" | "en", number>, seed = 11): PrecisionQuery[] {
  const random = rng(seed);
  const folded = rows.filter((r) => r.label_kind !== "hidden").map((r) => ({ r, text: ` ${foldText(r.label)} ` }));
  const out: PrecisionQuery[] = [];
  for (const lang of ["en", "nb"] as const) {
    const alts = rows.filter((r) => r.label_kind === "alt" && r.lang === lang).sort((a, b) => (a.uri + a.label < b.uri + b.label ? -1 : 1));
    const seen = new Set<string>();
    for (let tries = 0; out.filter((q) => q.lang === lang).length < perLang[lang] && tries < perLang[lang] * 5 && alts.length > 0; tries++) {
      const r = alts[Math.floor(random() * alts.length)] as LabelRow;
      const key = foldText(r.label);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      const needle = ` ${key} `;
      const relevant = new Set(folded.filter((f) => f.r.kind === r.kind && f.text.includes(needle)).map((f) => f.r.concept_id));
      out.push({ q: r.label, type: r.kind, lang, relevant });
    }
  }
  return out;
}
