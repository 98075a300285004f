// Matching from free text (the text panel, the CLI's --text, POST /api/match with "text", the
// evaluation): roles ranked from the text itself (BM25F over role labels, alternative labels,
// descriptions and skills) fused by reciprocal rank with the coverage of the skills found in it.
// The percentage shown stays the coverage of those skills (recomputable from the explanation); the
// text's own evidence only orders the list and is listed as "your text mentions …".
import "server-only";
import type { Db } from "@/server/db/client";
import type { Embedder } from "@/server/embeddings/types";
import { coverSkills } from "./coverage";
import { labelsFor } from "./labels";
import { clampLimit, explainRoles, rankByCoverage } from "./match";
import { scoreBm25f, topK } from "./text/bm25f";
import { fuseRanks } from "./text/fuse";
import { findSkillSpans, type SkillSpan } from "./text/spans";
import { foldedWords, stem, terms } from "./text/terms";
import { semanticRoles, type SemanticSignal } from "./text/semantic";
import { getTextIndex } from "./text/text-index";
import type { MatchLang, RoleMatch } from "./types";

/** Longer texts are cut here: a CV's first pages say what it is about. */
export const MAX_MATCH_TEXT_CHARS = 20_000;
/**
 * Weights of the fused lists, set a priori: what the text says about the role itself counts most;
 * the role's skills' labels and the coverage of the skills found in the text count half each.
 */
export const FUSION_WEIGHTS = { roleText: 1, skillText: 0.5, coverage: 0.5, semantic: 0.5 } as const;
/**
 * The semantic signal kept after comparing them on `npm run eval:match --compare-semantic` (n = 200,
 * local embedder): the embedder's own vectors lifted set b's MRR most (0.414 -> 0.441) without
 * hurting set c; LSA lifted b's recall@10 a little (0.705 -> 0.72) but cost set c 0.10.
 */
export const DEFAULT_SEMANTIC: SemanticSignal = "embedding";
/** How deep each ranked list is read before fusing. */
const DEPTH = 200;
/** Fewer content words than this is too little to go on. */
export const MIN_TEXT_TERMS = 2;

export type TextSkill = { skillId: string; label: string; phrase: string };
export type MatchTextResult =
  | { status: "ok"; roles: RoleMatch[]; skills: TextSkill[] }
  | { status: "too_little_text"; minimumWords: number }
  | { status: "restricted" };

export async function matchByText(
  db: Db,
  p: { text: string; lang: MatchLang; limit: number; embedder: Embedder; restricted?: boolean; semantic?: SemanticSignal },
): Promise<MatchTextResult> {
  if (p.restricted) return { status: "restricted" };
  const text = p.text.slice(0, MAX_MATCH_TEXT_CHARS);
  const query = terms(text);
  if (new Set(query).size < MIN_TEXT_TERMS) return { status: "too_little_text", minimumWords: MIN_TEXT_TERMS };
  const index = await getTextIndex(db);
  const spans = findSkillSpans(index, text);
  const coverage = await coverSkills(db, { skills: spans.map((s) => ({ conceptId: s.skillId })), lang: p.lang, embedder: p.embedder });

  const ids = (scores: Map<number, number>) => topK(scores, DEPTH).map((d) => index.roles.roleIds[d.doc] ?? "");
  const lists: { ids: string[]; weight: number }[] = [
    { ids: ids(scoreBm25f(index.bm25f, query)), weight: FUSION_WEIGHTS.roleText },
    { ids: ids(scoreBm25f(index.skillsBm25f, query)), weight: FUSION_WEIGHTS.skillText },
    { ids: rankByCoverage(index.roles, coverage).slice(0, DEPTH).map((r) => r.roleId), weight: FUSION_WEIGHTS.coverage },
  ];
  // The semantic list only reorders roles the text or its skills found: on its own it would list
  // roles for text that names nothing (another language, noise) with nothing to explain them.
  const found = new Set(lists.flatMap((l) => l.ids));
  const semantic = await semanticRoles(db, { text, signal: p.semantic ?? DEFAULT_SEMANTIC, embedder: p.embedder, depth: DEPTH });
  lists.push({ ids: semantic.filter((id) => found.has(id)), weight: FUSION_WEIGHTS.semantic });
  const fused = fuseRanks(lists).slice(0, clampLimit(p.limit));

  const explained = new Map((await explainRoles(db, coverage, fused, p.lang)).map((r) => [r.roleId, r]));
  const originals = originalWords(text);
  const roles = fused.flatMap((id) => {
    const role = explained.get(id);
    const at = index.roles.roleOf.get(id);
    if (!role || at === undefined) return [];
    const named = index.roleLabelTerms[at] ?? new Set<string>();
    const evidence = [...new Set(query.filter((t) => named.has(t)).map((t) => originals.get(t) ?? t))];
    return [{ ...role, textEvidence: evidence }];
  });
  const labels = await labelsFor(db, spans.map((s) => s.skillId), p.lang);
  return { status: "ok", roles, skills: spans.map((s: SkillSpan) => ({ skillId: s.skillId, label: labels.get(s.skillId) ?? s.skillId, phrase: s.phrase })) };
}

/** stem -> the first word of the text it came from, so evidence quotes the user's own words. */
function originalWords(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const w of foldedWords(text)) {
    const s = stem(w);
    if (!out.has(s)) out.set(s, w);
  }
  return out;
}
