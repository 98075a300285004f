// Skills named in a text: every run of up to MAX_SPAN_TERMS content words (not crossing punctuation)
// is looked up, stemmed, in the dictionary of all skill labels and synonyms; longest spans first,
// each word used once.
import "server-only";
import { wordGrams } from "../extract/tokens";
import { isStopTerm, terms } from "./terms";
import { MAX_SPAN_TERMS, type TextIndex } from "./text-index";

export type SkillSpan = { skillId: string; phrase: string; start: number; terms: number };

/** Raw words a span may stretch over: content words plus the stop words between them. */
const MAX_SPAN_WORDS = MAX_SPAN_TERMS + 3;

export function findSkillSpans(index: TextIndex, text: string): SkillSpan[] {
  const { grams } = wordGrams(text, MAX_SPAN_WORDS);
  const candidates: { skill: number; phrase: string; start: number; first: number; last: number; terms: number }[] = [];
  for (const g of grams) {
    const words = g.normalized.split(" ");
    if (isStopTerm(words[0] ?? "") || isStopTerm(words.at(-1) ?? "")) continue;
    const key = terms(g.phrase);
    if (key.length === 0 || key.length > MAX_SPAN_TERMS) continue;
    const skill = index.spans.get(key.join(" "));
    if (skill === undefined) continue;
    candidates.push({ skill, phrase: g.phrase, start: g.start, first: g.first, last: g.last, terms: key.length });
  }
  candidates.sort((a, b) => b.terms - a.terms || b.last - b.first - (a.last - a.first) || a.start - b.start);
  const taken = new Set<number>();
  const found = new Map<number, SkillSpan>();
  for (const c of candidates) {
    if (found.has(c.skill)) continue;
    let free = true;
    for (let w = c.first; w <= c.last && free; w++) if (taken.has(w)) free = false;
    if (!free) continue;
    for (let w = c.first; w <= c.last; w++) taken.add(w);
    found.set(c.skill, { skillId: index.roles.skillIds[c.skill] ?? "", phrase: c.phrase, start: c.start, terms: c.terms });
  }
  return [...found.values()].sort((a, b) => a.start - b.start);
}
