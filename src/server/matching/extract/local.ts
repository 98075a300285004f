// Offline extraction: every label and synonym of every skill looked up as word n-grams (exact,
// normalized), then embeddings for near misses ("Javascript-rammeverk" vs "JavaScript-rammeverk").
import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { queryRows } from "@/server/db/rows";
import type { Embedder } from "@/server/embeddings/types";
import { nearestSkills } from "../coverage";
import { labelsFor } from "../labels";
import { textArray } from "../sql";
import type { MatchLang } from "../types";
import { isStopword, wordGrams, type Gram } from "./tokens";
import type { ExtractedSkill } from "./types";

const MAX_WORDS = 6;
/** Near misses must be very near: a false "you have this" is worse than a missed one. */
export const NEAR_MISS_THRESHOLD = 0.86;
const MAX_NEAR_MISS_PHRASES = 300;

export async function extractSkillsLocal(
  db: Db,
  p: { text: string; lang: MatchLang; embedder: Embedder },
): Promise<ExtractedSkill[]> {
  const { grams } = wordGrams(p.text, MAX_WORDS);
  const lookup = [...new Set(grams.map((g) => g.normalized).filter((n) => n.length >= 2 && !isStopword(n)))];
  if (lookup.length === 0) return [];
  const rows = await queryRows<{ normalized: string; concept_id: string }>(
    db,
    sql`select distinct on (normalized) normalized, concept_id from concept_labels
        where kind = 'skill' and normalized = any(${textArray(lookup)})
        order by normalized, case label_kind when 'preferred' then 0 when 'alt' then 1 else 2 end, (lang = ${p.lang}) desc, concept_id`,
  );
  const conceptOf = new Map(rows.map((r) => [r.normalized, r.concept_id]));

  // Longest phrases first; a word belongs to at most one found skill.
  const taken = new Set<number>();
  const found = new Map<string, { phrase: string; via: ExtractedSkill["via"]; confidence: number }>();
  const claim = (g: Gram) => {
    for (let w = g.first; w <= g.last; w++) if (taken.has(w)) return false;
    for (let w = g.first; w <= g.last; w++) taken.add(w);
    return true;
  };
  const exact = grams.filter((g) => conceptOf.has(g.normalized)).sort((a, b) => b.last - b.first - (a.last - a.first) || a.start - b.start);
  for (const g of exact) {
    const id = conceptOf.get(g.normalized);
    if (!id || found.has(id) || !claim(g)) continue;
    found.set(id, { phrase: g.phrase, via: "label", confidence: 1 });
  }

  // Near misses: short phrases no exact match used, with at least one word that is not a stopword.
  const open = grams
    .filter((g) => g.last - g.first < 3 && g.normalized.length >= 4)
    .filter((g) => g.normalized.split(" ").some((w) => !isStopword(w)))
    .filter((g) => {
      for (let w = g.first; w <= g.last; w++) if (taken.has(w)) return false;
      return true;
    })
    .slice(0, MAX_NEAR_MISS_PHRASES);
  if (open.length > 0) {
    const vectors = await p.embedder.embed(open.map((g) => g.phrase));
    const near = await nearestSkills(db, { vectors, model: p.embedder.model, k: 1 });
    const ranked = near.filter((n) => n.similarity >= NEAR_MISS_THRESHOLD).sort((a, b) => b.similarity - a.similarity);
    for (const n of ranked) {
      const g = open[n.index];
      if (!g || found.has(n.conceptId) || !claim(g)) continue;
      found.set(n.conceptId, { phrase: g.phrase, via: "similar", confidence: Math.round(n.similarity * 100) / 100 });
    }
  }
  const labels = await labelsFor(db, [...found.keys()], p.lang);
  return [...found.entries()]
    .map(([skillId, f]) => ({ skillId, label: labels.get(skillId) ?? skillId, ...f }))
    .sort((a, b) => p.text.indexOf(a.phrase) - p.text.indexOf(b.phrase));
}
