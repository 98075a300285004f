import { allowedEdits, boundedEditDistance } from "./edit-distance";

/** A word of a query matched to words of the dictionary: the word's position and what it cost. */
export type WordMatch = { word: number; cost: number; typo: boolean };

// Costs order matches: the word itself, then a completion (longer completions cost a little more),
// then typos by number of edits.
const COMPLETION_COST = 1;
const TYPO_COST = 4;

/** Every word of one kind's labels, sorted, with the labels that contain it. */
export class WordDictionary {
  readonly words: string[];
  readonly postings: Int32Array[];

  constructor(byWord: Map<string, number[]>) {
    this.words = [...byWord.keys()].sort();
    this.postings = this.words.map((w) => Int32Array.from(byWord.get(w) ?? []));
  }

  /**
   * Dictionary words matching one query word: equal, or (for the word being typed, `prefix`) starting
   * with it, or within the allowed edits (transpositions count as one).
   */
  match(queryWord: string, prefix: boolean): WordMatch[] {
    const matches: WordMatch[] = [];
    const start = this.lowerBound(queryWord);
    if (prefix) {
      for (let i = start; i < this.words.length && (this.words[i] as string).startsWith(queryWord); i++) {
        const extra = (this.words[i] as string).length - queryWord.length;
        matches.push({ word: i, cost: extra === 0 ? 0 : COMPLETION_COST + Math.min(extra, 20) / 100, typo: false });
      }
    } else if (this.words[start] === queryWord) {
      matches.push({ word: start, cost: 0, typo: false });
    }
    // A word that exists (or, being typed, begins words) is taken as meant: typo matching is for
    // words the dictionary does not know, and the costliest step of a query.
    const max = allowedEdits(queryWord.length);
    if (max === 0 || matches.length > 0) return matches;
    // Most words fail within their first letters. Sorted neighbours often share the letters the
    // prefix distance reads, so the previous answer is reused.
    const span = queryWord.length + max;
    let lastKey = "";
    let lastDistance = max + 1;
    for (let i = 0; i < this.words.length; i++) {
      const word = this.words[i] as string;
      let d: number;
      if (prefix && word.length >= span && word.startsWith(lastKey) && lastKey.length === span) d = lastDistance;
      else {
        d = boundedEditDistance(queryWord, word, max, prefix);
        lastKey = word.slice(0, span);
        lastDistance = d;
      }
      if (d <= max) matches.push({ word: i, cost: TYPO_COST * d, typo: true });
    }
    return matches;
  }

  private lowerBound(word: string): number {
    let lo = 0;
    let hi = this.words.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.words[mid] as string) < word) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
