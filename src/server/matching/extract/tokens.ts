// Splits pasted text into word n-grams that keep their place in the text, without crossing
// punctuation ("HTML, CSS" is two phrases; "Node.js" and "C++" stay whole words).
import "server-only";
import { normalizeLabel } from "@/server/taxonomy/normalize";

export type Gram = { start: number; end: number; first: number; last: number; normalized: string; phrase: string };

const wordPattern = /[\p{L}\p{N}][\p{L}\p{N}+#'’\-./]*/gu;
const breakPattern = /[,;:!?()[\]{}\n\r•·|]|\.(?=\s|$)/gu;

const stopwords = new Set(
  ("a an and the of in on at to for with by from as or is are was were be been i my we our it this that " +
    "og i på av til for med fra som eller er var jeg min mitt mine vi vår det den de en et å har hadde")
    .split(" "),
);

export function isStopword(word: string): boolean {
  return stopwords.has(word);
}

/** All n-grams up to `maxWords` words inside each punctuation-free segment. */
export function wordGrams(text: string, maxWords: number): { grams: Gram[]; words: number } {
  const segments: { start: number; end: number }[] = [];
  let from = 0;
  for (const m of text.matchAll(breakPattern)) {
    segments.push({ start: from, end: m.index });
    from = m.index + m[0].length;
  }
  segments.push({ start: from, end: text.length });
  const grams: Gram[] = [];
  let wordIndex = 0;
  for (const segment of segments) {
    const part = text.slice(segment.start, segment.end);
    const words = [...part.matchAll(wordPattern)].map((m) => {
      const raw = m[0].replace(/[.\-/'’]+$/u, "");
      return { start: segment.start + m.index, end: segment.start + m.index + raw.length, word: raw, index: wordIndex++ };
    });
    for (let i = 0; i < words.length; i++) {
      for (let n = 1; n <= maxWords && i + n <= words.length; n++) {
        const first = words[i];
        const last = words[i + n - 1];
        if (!first || !last) continue;
        const phrase = text.slice(first.start, last.end);
        grams.push({
          start: first.start,
          end: last.end,
          first: first.index,
          last: last.index,
          phrase,
          normalized: normalizeLabel(words.slice(i, i + n).map((w) => w.word).join(" ")),
        });
      }
    }
  }
  return { grams, words: wordIndex };
}
