import "server-only";
import { allowedEdits, boundedEditDistance } from "./edit-distance";

/** A word of a query matched to words of the dictionary: the word's position and what it cost. */
export type WordMatch = { word: number; cost: number; typo: boolean };

// Costs order matches: the word itself, then a completion (longer completions cost a little more),
// then typos by number of edits.
export const COMPLETION_COST = 1;
const TYPO_COST = 4;
const MAX_WORD = 64;
const MAX_EDITS = 2;

/** Every word of one kind's labels, sorted, with the labels that contain it. */
export class WordDictionary {
  readonly words: string[];
  readonly postings: Int32Array[];
  // Edit-distance rows per depth of the walk (reused across queries; searches are synchronous).
  private readonly rows = Array.from({ length: MAX_WORD + 2 }, () => new Int32Array(MAX_WORD + 1));
  private readonly bestAt = new Int32Array(MAX_WORD + 2);

  // Every word without its first letter, sorted, and the word it came from: slips in the first
  // letter are found by walking these ("ebsite" and "qebsite" are near "ebsite", the tail of "website").
  private readonly tails: string[];
  private readonly tailWord: Int32Array;

  /** `words` sorted (code unit order), `postings[i]` the labels containing `words[i]`. */
  constructor(words: string[], postings: Int32Array[]) {
    this.words = words;
    this.postings = postings;
    const tails = words.map((w) => w.slice(1));
    this.tailWord = Int32Array.from(tails, (_, i) => i).sort((a, b) => ((tails[a] as string) < (tails[b] as string) ? -1 : (tails[a] as string) > (tails[b] as string) ? 1 : a - b));
    this.tails = Array.from(this.tailWord, (i) => tails[i] as string);
  }

  /** A dictionary from words and their labels in any order (tests, small taxonomies). */
  static fromMap(byWord: Map<string, ArrayLike<number>>): WordDictionary {
    const words = [...byWord.keys()].sort();
    return new WordDictionary(words, words.map((w) => Int32Array.from(byWord.get(w) ?? [])));
  }

  /**
   * Dictionary words matching one query word: equal, or (for the word being typed, `prefix`) starting
   * with it; words the dictionary does not know get typo matches within the allowed edits. With
   * `typosOfKnownWords`, a word the dictionary knows gets typo matches too (a slip that made another
   * real word: "felling" for "filling").
   */
  match(queryWord: string, prefix: boolean, typosOfKnownWords = false): WordMatch[] {
    const matches: WordMatch[] = [];
    const start = lowerBound(this.words, queryWord);
    if (prefix) {
      for (let i = start; i < this.words.length && (this.words[i] as string).startsWith(queryWord); i++) {
        const extra = (this.words[i] as string).length - queryWord.length;
        matches.push({ word: i, cost: extra === 0 ? 0 : COMPLETION_COST + Math.min(extra, 20) / 100, typo: false });
      }
    } else if (this.words[start] === queryWord) {
      matches.push({ word: start, cost: 0, typo: false });
    }
    // A word that exists (or, being typed, begins words) is taken as meant.
    if ((matches.length > 0 && !typosOfKnownWords) || queryWord.length > MAX_WORD) return matches;
    const m = queryWord.length;
    if (allowedEdits(m) === 0) return matches;
    // A finished word may be as many edits away as the longer of the two words allows ("surity" is
    // two slips in "security"); a word being typed is measured by what was typed so far.
    const max = prefix ? allowedEdits(m) : allowedEdits(m + MAX_EDITS);
    const allowed = (word: number) => (prefix ? max : allowedEdits(Math.max(m, (this.words[word] as string).length)));
    const note = (word: number, d: number) => {
      if (d > 0 && d <= allowed(word)) matches.push({ word, cost: TYPO_COST * d, typo: true });
    };
    // Walking every word costs too much per keystroke; walked instead are the words that begin with
    // the query's first or second letter (a slip after the first letter; the first two swapped; an
    // extra first letter), and the words whose second letter is the query's first or second
    // (a missing or wrong first letter), through their tails. The rest (two slips in the first two
    // letters) are not looked for.
    const [first, second] = [queryWord.charAt(0), queryWord.charAt(1)];
    this.walkRange(this.words, first, queryWord, max, prefix, note);
    if (second !== first) this.walkRange(this.words, second, queryWord, max, prefix, note);
    const viaTail = new Set<number>();
    const candidate = (tail: number) => {
      const word = this.tailWord[tail] as number;
      const c = (this.words[word] as string).charAt(0);
      if (c !== first && c !== second) viaTail.add(word);
    };
    this.walkRange(this.tails, second, queryWord.slice(1), max, prefix, candidate);
    if (second !== first) this.walkRange(this.tails, first, queryWord, max, prefix, candidate);
    for (const word of viaTail) note(word, boundedEditDistance(queryWord, this.words[word] as string, allowed(word), prefix));
    return matches;
  }

  /** `walk` over the words of `sorted` that begin with `letter`. */
  private walkRange(sorted: string[], letter: string, q: string, max: number, prefix: boolean, found: (at: number, distance: number) => void): void {
    this.walk(sorted, lowerBound(sorted, letter), lowerBound(sorted, `${letter}\uffff`), q, max, prefix, found);
  }

  /**
   * Optimal-string-alignment distance (transpositions are one edit) from `q` to each of
   * `sorted[from..to)`, walking the sorted words as a trie: rows for a shared beginning are computed
   * once, and every word below a beginning already more than `max` edits away is skipped.
   */
  private walk(sorted: string[], from: number, to: number, q: string, max: number, prefix: boolean, found: (at: number, distance: number) => void): void {
    const m = q.length;
    const rows = this.rows;
    const first = rows[0] as Int32Array;
    for (let i = 0; i <= m; i++) first[i] = i;
    this.bestAt[0] = m;
    let previous = "";
    let valid = 0;
    let i = from;
    while (i < to) {
      const word = sorted[i] as string;
      const depthLimit = Math.min(prefix ? m + max : word.length, word.length, MAX_WORD);
      let depth = 0;
      const shared = Math.min(valid, depthLimit);
      while (depth < shared && previous.charCodeAt(depth) === word.charCodeAt(depth)) depth++;
      let pruned = -1;
      for (let d = depth + 1; d <= depthLimit; d++) {
        const row = rows[d] as Int32Array;
        const up = rows[d - 1] as Int32Array;
        const up2 = d >= 2 ? (rows[d - 2] as Int32Array) : up;
        const wc = word.charCodeAt(d - 1);
        const wPrev = d >= 2 ? word.charCodeAt(d - 2) : -1;
        row[0] = d;
        let rowMin = d;
        for (let j = 1; j <= m; j++) {
          const qc = q.charCodeAt(j - 1);
          let v = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + (qc === wc ? 0 : 1));
          if (j > 1 && d > 1 && qc === wPrev && q.charCodeAt(j - 2) === wc) v = Math.min(v, (up2[j - 2] as number) + 1);
          row[j] = v;
          if (v < rowMin) rowMin = v;
        }
        this.bestAt[d] = Math.min(this.bestAt[d - 1] as number, row[m] as number);
        if (rowMin > max) {
          pruned = d;
          break;
        }
      }
      if (pruned >= 0) {
        // Every word beginning with these letters is as far or farther (a completion can still match in prefix mode).
        const stem = word.slice(0, pruned);
        const bestSoFar = prefix ? (this.bestAt[pruned - 1] as number) : max + 1;
        const end = Math.min(to, lowerBound(sorted, `${stem}\uffff`));
        if (bestSoFar <= max) for (let k = i; k < end; k++) found(k, bestSoFar);
        i = end;
        // The rows above the pruned letter still hold for the next words that share them.
        previous = word;
        valid = pruned - 1;
        continue;
      }
      const distance = prefix ? (this.bestAt[depthLimit] as number) : word.length <= MAX_WORD ? ((rows[depthLimit] as Int32Array)[m] as number) : max + 1;
      if (distance <= max && (prefix || Math.abs(word.length - m) <= max)) found(i, distance);
      previous = word;
      valid = depthLimit;
      i++;
    }
  }
}

export function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
