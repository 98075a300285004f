import "server-only";

// Reused rows: the distance runs for thousands of words per query and must not allocate.
const MAX_WORD = 64;
const buffers = [new Int32Array(MAX_WORD + 1), new Int32Array(MAX_WORD + 1), new Int32Array(MAX_WORD + 1)] as const;

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions, each one edit),
 * bounded by `max`: returns max + 1 as soon as the distance must exceed it. With `prefix`, the
 * distance from `query` to the closest prefix of `word` ("pyht" is one edit from "pyth…").
 */
export function boundedEditDistance(query: string, word: string, max: number, prefix = false): number {
  const m = query.length;
  const n = prefix ? Math.min(word.length, m + max) : word.length;
  if (m > MAX_WORD || (!prefix && Math.abs(m - n) > max) || (prefix && n < m - max)) return max + 1;
  // Three rows over `query`, one per letter of `word`: two back (for transpositions), previous, current.
  let [older, previous, row] = buffers;
  for (let i = 0; i <= m; i++) previous[i] = i;
  let best = prefix ? m : Infinity;
  for (let j = 1; j <= n; j++) {
    row[0] = j;
    let rowMin = j;
    const wc = word.charCodeAt(j - 1);
    for (let i = 1; i <= m; i++) {
      const qc = query.charCodeAt(i - 1);
      let d = Math.min((previous[i] as number) + 1, (row[i - 1] as number) + 1, (previous[i - 1] as number) + (qc === wc ? 0 : 1));
      if (i > 1 && j > 1 && qc === word.charCodeAt(j - 2) && query.charCodeAt(i - 2) === wc) d = Math.min(d, (older[i - 2] as number) + 1);
      row[i] = d;
      if (d < rowMin) rowMin = d;
    }
    if (prefix) best = Math.min(best, row[m] as number);
    if (rowMin > max) return prefix && best <= max ? best : max + 1;
    [older, previous, row] = [previous, row, older];
  }
  const distance = prefix ? best : (previous[m] as number);
  return distance > max ? max + 1 : distance;
}

/** Edits allowed for a word of this length: none below 4 letters, one from 4, two from 8. */
export function allowedEdits(length: number): number {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}
