// The in-memory taxonomy: concepts, labels, word dictionaries and relations, with lexical search.
// Built by `build.ts`, shared by every request of a process through `cache.ts`.
import "server-only";
import { otherLang, type DisplayLang } from "../display-label";
import { foldText } from "../fold";
import type { ConceptKind, ConceptRelations, IndexedConcept } from "./types";
import { COMPLETION_COST, lowerBound, WordDictionary } from "./word-dictionary";

export { WordDictionary };

export type IndexedLabels = {
  concept: Int32Array;
  /** 0 preferred, 1 alternative, 2 hidden (matches, never shown). */
  kind: Uint8Array;
  lang: string[];
  text: string[];
  folded: string[];
  /** The label folded without Norwegian marks (ø -> o), where that differs from `folded`. */
  plain: (string | undefined)[];
};

/** One kind's labels by folded text (each label under both its folded forms). */
export type SortedLabels = { texts: string[]; labels: Int32Array };

export type LexicalSearch = {
  q: string;
  kind: ConceptKind;
  lang: DisplayLang;
  limit: number;
};

export type LexicalHit = {
  concept: IndexedConcept;
  /** The label that matched, when it is not the one displayed (never a hidden label). */
  matchedLabel: string | null;
  /** A shown label (preferred or alternative) equals the query: nothing to add as custom. */
  exact: boolean;
  /** Found only through a typo. */
  typo: boolean;
  /** Lower is better; comparable within one query. */
  rank: number;
};

// A label's rank, most significant first: how it matched (tier), preferred/alternative/hidden, the
// user's language, the cost of its word matches, its length.
const TIER = 1e8;
const LABEL_KIND = 1e7;
const LANGUAGE = 1e6;
const TIER_EXACT = 0;
const TIER_LABEL_PREFIX = 1;
const TIER_WORDS = 2;
const TIER_TYPO = 3;
const SHORT_QUERY = 3;
const MAX_SHORT_QUERIES = 20_000;
/** Typo hits are offered only when fewer concepts than this matched without one. */
const TYPO_FALLBACK_BELOW = 3;

export class TaxonomyIndex {
  readonly version: number;
  readonly concepts: IndexedConcept[];
  readonly labels: IndexedLabels;
  readonly relations: ConceptRelations;
  private readonly position: Map<string, number>;
  private readonly dictionaries: Record<ConceptKind, WordDictionary>;
  private readonly sortedLabels: Record<ConceptKind, SortedLabels>;
  private readonly shortQueries = new Map<string, LexicalHit[]>();
  // Scratch space for one query at a time (searches are synchronous).
  private stamp = 0;
  private readonly labelStamp: Uint32Array;
  private readonly labelWords: Uint8Array;
  private readonly labelCost: Float64Array;
  private readonly labelTypo: Uint8Array;
  private readonly conceptStamp: Uint32Array;
  private readonly conceptRank: Float64Array;

  constructor(p: {
    version: number;
    concepts: IndexedConcept[];
    position: Map<string, number>;
    labels: IndexedLabels;
    dictionaries: Record<ConceptKind, WordDictionary>;
    sortedLabels: Record<ConceptKind, SortedLabels>;
    relations: ConceptRelations;
  }) {
    this.version = p.version;
    this.concepts = p.concepts;
    this.position = p.position;
    this.labels = p.labels;
    this.dictionaries = p.dictionaries;
    this.sortedLabels = p.sortedLabels;
    this.relations = p.relations;
    const n = p.labels.text.length;
    this.labelStamp = new Uint32Array(n);
    this.labelWords = new Uint8Array(n);
    this.labelCost = new Float64Array(n);
    this.labelTypo = new Uint8Array(n);
    this.conceptStamp = new Uint32Array(p.concepts.length);
    this.conceptRank = new Float64Array(p.concepts.length);
  }

  /** The concept with this id (uuid), if the taxonomy has it. */
  concept(id: string): IndexedConcept | undefined {
    const at = this.position.get(id);
    return at === undefined ? undefined : this.concepts[at];
  }

  /** Position of a concept in `concepts`, for the relation maps. */
  positionOf(id: string): number | undefined {
    return this.position.get(id);
  }

  /**
   * Concepts with a label containing every word of the query (the last one may be unfinished),
   * best first; typo matches only when too few concepts matched without one. Ends where matches end.
   */
  search(p: LexicalSearch): LexicalHit[] {
    const folded = foldText(p.q);
    // One to three letters match thousands of labels, and there are few such queries: kept.
    if (folded.length > SHORT_QUERY) return this.searchFolded(p, folded);
    const key = `${p.kind}|${p.lang}|${p.limit}|${/\s$/.test(p.q) ? "." : ""}${folded}`;
    let hits = this.shortQueries.get(key);
    if (!hits) {
      hits = this.searchFolded(p, folded);
      if (this.shortQueries.size >= MAX_SHORT_QUERIES) this.shortQueries.clear();
      this.shortQueries.set(key, hits);
    }
    return hits;
  }

  private searchFolded(p: LexicalSearch, folded: string): LexicalHit[] {
    const words = folded ? folded.split(" ").slice(0, 12) : [];
    if (words.length === 0) return [];
    const typing = !/\s$/.test(p.q);
    let stamp = this.nextStamp();
    const found: number[] = [];
    // Labels that begin with the query rank above any other match: when they fill the page, the
    // word-by-word search is not needed.
    this.labelPrefixHits(p, folded, typing, words.length, stamp, found);
    if (found.length < p.limit) this.wordHits(p, folded, words, typing, stamp, found, false);
    // Nothing at all: one of the words may be a slip that made another real word ("felling of wall
    // tile joints"), so known words get typo matches too.
    if (found.length === 0 && words.length > 1) {
      stamp = this.nextStamp();
      this.wordHits(p, folded, words, typing, stamp, found, true);
    }

    const rankOf = (c: number) => this.conceptRank[c] as number;
    const withoutTypo = found.filter((c) => rankOf(c) < TIER_TYPO * TIER);
    const kept = withoutTypo.length >= TYPO_FALLBACK_BELOW ? withoutTypo : found;
    const top = topBy(kept, rankOf, p.limit);
    return top.map((c) => this.hit(c, stamp, words.length, folded, p.lang));
  }

  private labelPrefixHits(p: LexicalSearch, folded: string, typing: boolean, wordCount: number, stamp: number, found: number[]): void {
    const sorted = this.sortedLabels[p.kind];
    const other = otherLang(p.lang);
    for (let i = lowerBound(sorted.texts, folded); i < sorted.texts.length; i++) {
      const text = sorted.texts[i] as string;
      if (!text.startsWith(folded)) break;
      const exact = text.length === folded.length;
      // A query ending in a space has finished its last word.
      if (!typing && !exact && text.charCodeAt(folded.length) !== 32) continue;
      const label = sorted.labels[i] as number;
      this.labelStamp[label] = stamp;
      this.labelWords[label] = wordCount;
      this.labelTypo[label] = 0;
      const lang = this.labels.lang[label];
      const rank =
        (exact ? TIER_EXACT : TIER_LABEL_PREFIX) * TIER +
        (this.labels.kind[label] as number) * LABEL_KIND +
        (lang === p.lang ? 0 : lang === other ? 1 : 2) * LANGUAGE +
        (exact ? 0 : COMPLETION_COST * 1000) +
        Math.min(text.length, 999);
      this.noteConcept(this.labels.concept[label] as number, rank, stamp, found);
    }
  }

  private noteConcept(concept: number, rank: number, stamp: number, found: number[]): void {
    if (this.conceptStamp[concept] !== stamp) {
      this.conceptStamp[concept] = stamp;
      this.conceptRank[concept] = rank;
      found.push(concept);
    } else if (rank < (this.conceptRank[concept] as number)) this.conceptRank[concept] = rank;
  }

  /** Labels containing every query word (or a word within the allowed edits), in any order. */
  private wordHits(p: LexicalSearch, folded: string, words: string[], typing: boolean, stamp: number, found: number[], typosOfKnownWords: boolean): void {
    const dictionary = this.dictionaries[p.kind];
    const perWord = words.map((w, i) => dictionary.match(w, typing && i === words.length - 1, typosOfKnownWords).sort((a, b) => a.cost - b.cost));
    const size = (i: number) => (perWord[i] ?? []).reduce((sum, m) => sum + (dictionary.postings[m.word]?.length ?? 0), 0);
    // The rarest word first: later words only filter the labels the first one found.
    const order = words.map((_, i) => i).sort((a, b) => size(a) - size(b));

    const touched: number[] = [];
    order.forEach((wordIndex, k) => {
      for (const match of perWord[wordIndex] ?? []) {
        const postings = dictionary.postings[match.word] ?? new Int32Array();
        for (let x = 0; x < postings.length; x++) {
          const label = postings[x] as number;
          if (k === 0) {
            // Stamped already: a whole-label prefix hit, or a better match of this word.
            if (this.labelStamp[label] === stamp) continue;
            this.labelStamp[label] = stamp;
            this.labelWords[label] = 1;
            this.labelCost[label] = match.cost;
            this.labelTypo[label] = match.typo ? 1 : 0;
            touched.push(label);
          } else if (this.labelStamp[label] === stamp && this.labelWords[label] === k) {
            this.labelWords[label] = k + 1;
            this.labelCost[label] = (this.labelCost[label] as number) + match.cost;
            if (match.typo) this.labelTypo[label] = 1;
          }
        }
      }
    });

    const other = otherLang(p.lang);
    for (const label of touched) {
      if (this.labelWords[label] !== words.length) continue;
      const labelFolded = this.labels.folded[label] as string;
      const labelPlain = this.labels.plain[label];
      const typo = this.labelTypo[label] === 1;
      const tier = typo
        ? TIER_TYPO
        : labelFolded === folded || labelPlain === folded
          ? TIER_EXACT
          : labelFolded.startsWith(folded) || labelPlain?.startsWith(folded)
            ? TIER_LABEL_PREFIX
            : TIER_WORDS;
      const lang = this.labels.lang[label];
      const rank =
        tier * TIER +
        (this.labels.kind[label] as number) * LABEL_KIND +
        (lang === p.lang ? 0 : lang === other ? 1 : 2) * LANGUAGE +
        Math.round((this.labelCost[label] as number) * 1000) +
        Math.min(labelFolded.length, 999);
      this.noteConcept(this.labels.concept[label] as number, rank, stamp, found);
    }
  }

  private hit(conceptAt: number, stamp: number, wordCount: number, folded: string, lang: DisplayLang): LexicalHit {
    const concept = this.concepts[conceptAt] as IndexedConcept;
    const rank = this.conceptRank[conceptAt] as number;
    let exact = false;
    let best: { label: number; key: number } | null = null;
    for (let label = concept.firstLabel; label < concept.firstLabel + concept.labelCount; label++) {
      if (this.labelStamp[label] !== stamp || this.labelWords[label] !== wordCount || this.labels.kind[label] === 2) continue;
      const labelFolded = this.labels.folded[label] as string;
      const isExact = labelFolded === folded || this.labels.plain[label] === folded;
      if (isExact) exact = true;
      // The label shown as matched: an exact one first, then one in the interface language, then without typo.
      const key = (isExact ? 0 : 100) + (this.labels.lang[label] === lang ? 0 : 10) + (this.labelTypo[label] as number) * 5;
      if (!best || key < best.key || (key === best.key && labelFolded.length < (this.labels.folded[best.label] as string).length)) best = { label, key };
    }
    // Nothing to add when the label shown is itself the best match.
    const bestFolded = best ? (this.labels.folded[best.label] as string) : null;
    const matchedLabel = !best || bestFolded === foldText(concept.display[lang]) ? null : (this.labels.text[best.label] as string);
    return { concept, matchedLabel, exact, typo: rank >= TIER_TYPO * TIER, rank };
  }

  private nextStamp(): number {
    this.stamp = this.stamp >= 0xfffffff0 ? 1 : this.stamp + 1;
    if (this.stamp === 1) {
      this.labelStamp.fill(0);
      this.conceptStamp.fill(0);
    }
    return this.stamp;
  }
}

/** The `limit` items with the lowest key, in order, without sorting everything. */
function topBy(items: number[], key: (item: number) => number, limit: number): number[] {
  if (items.length <= limit * 4) return [...items].sort((a, b) => key(a) - key(b)).slice(0, limit);
  const top: number[] = [];
  for (const item of items) {
    const k = key(item);
    if (top.length === limit && k >= key(top[limit - 1] as number)) continue;
    let at = top.length;
    while (at > 0 && key(top[at - 1] as number) > k) at--;
    top.splice(at, 0, item);
    if (top.length > limit) top.pop();
  }
  return top;
}
