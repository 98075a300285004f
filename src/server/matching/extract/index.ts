// Skills from free text: the language model when one is configured (its names checked against the
// taxonomy), else the offline extractor. Nothing here writes to a profile: the user accepts each skill.
import "server-only";
import type { Db } from "@/server/db/client";
import type { Embedder } from "@/server/embeddings/types";
import { labelsFor, resolveSkillLabels } from "../labels";
import type { MatchLang } from "../types";
import { normalizeLabel } from "@/server/taxonomy/normalize";
import { extractSkillsLocal } from "./local";
import { MAX_EXTRACT_CHARS, type ExtractedSkill, type SkillNamer } from "./types";

export type { ExtractedSkill, SkillNamer } from "./types";

export async function extractSkills(
  db: Db,
  p: { text: string; lang: MatchLang; embedder: Embedder; namer?: SkillNamer; exclude?: readonly string[] },
): Promise<ExtractedSkill[]> {
  const text = p.text.slice(0, MAX_EXTRACT_CHARS);
  const found = p.namer
    ? await validateNamedSkills(db, { text, lang: p.lang, named: await p.namer.nameSkills(text, p.lang) })
    : await extractSkillsLocal(db, { text, lang: p.lang, embedder: p.embedder });
  const exclude = new Set(p.exclude ?? []);
  return found.filter((s) => !exclude.has(s.skillId));
}

/**
 * Keeps only names that are a label or synonym of a skill in the taxonomy (exact, normalized): a
 * model's invented skill has no id, so it is dropped rather than guessed. Phrases not in the text are
 * replaced by the name, so we never show words the user did not write as if they had.
 */
export async function validateNamedSkills(
  db: Db,
  p: { text: string; lang: MatchLang; named: { name: string; phrase: string }[] },
): Promise<ExtractedSkill[]> {
  const ids = await resolveSkillLabels(db, p.named.map((n) => n.name), p.lang);
  const labels = await labelsFor(db, [...ids.values()], p.lang);
  const lowerText = p.text.toLowerCase();
  const out = new Map<string, ExtractedSkill>();
  for (const n of p.named) {
    const id = ids.get(normalizeLabel(n.name));
    if (!id || out.has(id)) continue;
    const phrase = n.phrase.trim() && lowerText.includes(n.phrase.trim().toLowerCase()) ? n.phrase.trim() : n.name;
    out.set(id, { skillId: id, label: labels.get(id) ?? n.name, phrase, via: "ai", confidence: 1 });
  }
  return [...out.values()];
}
