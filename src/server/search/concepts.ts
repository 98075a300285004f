// Hybrid concept search: prefix + trigram over every label (both languages) and vector similarity
// over concept embeddings, fused by reciprocal rank. No `import "server-only"`: the bench runs it.
import { sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { queryRows } from "@/server/db/rows";
import { AppError } from "@/server/errors";
import type { Embedder } from "@/server/embeddings/types";
import { reciprocalRankFusion } from "./fuse";
import { likePrefix, MAX_QUERY_LENGTH, normalizeQuery } from "./query";
import { ensurePlannerStats } from "@/server/db/planner-stats";
import { log } from "@/server/log";

export type ConceptSearchResult = {
  conceptId: string;
  /** Preferred label in the requested language, falling back to the other one. */
  label: string;
  /** The synonym (or other-language label) that matched, when it differs from `label`. */
  matchedLabel: string | null;
  score: number;
};

export type SearchConceptsParams = {
  q: string;
  type: "skill" | "role";
  lang: "nb" | "en";
  limit?: number;
  embedder?: Embedder;
  /**
   * "hybrid" always asks all three lists; "autocomplete" stops at the prefix list when it already
   * has `limit` concepts, and asks the vector index only when the lexical lists found fewer than
   * `limit` (typos, synonyms the labels do not contain).
   */
  mode?: "hybrid" | "autocomplete";
};

type LabelHit = { concept_id: string; label: string; normalized: string; label_kind: string; lang: string; sim?: number };

const CANDIDATES = 40;
// Two or three letters share trigrams with thousands of labels: typo matching starts at three,
// and matching against single words of longer labels at four (the slow tail in `npm run bench`).
const MIN_FUZZY_LENGTH = 3;
const MIN_WORD_FUZZY_LENGTH = 4;
const langs = ["nb", "en"] as const;

export async function searchConcepts(db: Db, p: SearchConceptsParams): Promise<ConceptSearchResult[]> {
  const trimmed = p.q.trim();
  if (trimmed.length > MAX_QUERY_LENGTH) {
    throw new AppError("bad_request", `Search text can be at most ${MAX_QUERY_LENGTH} characters`);
  }
  const q = normalizeQuery(trimmed);
  const limit = Math.max(1, Math.min(50, p.limit ?? 10));
  if ([...q].length === 0) return [];

  await ensurePlannerStats(db);
  const prefix = await prefixHits(db, p.type, q);
  // One character says too little for fuzzy or semantic matching: prefix only. While typing
  // (autocomplete), enough prefix matches answer the question without the costlier lists.
  const prefixConcepts = new Set(prefix.map((h) => h.concept_id)).size;
  const fuzzy = [...q].length >= MIN_FUZZY_LENGTH && (p.mode !== "autocomplete" || prefixConcepts < limit);
  const trigram = fuzzy ? await trigramHits(db, p.type, q) : [];
  const lexicalIds = new Set([...prefix, ...trigram].map((h) => h.concept_id));
  const wantVector = fuzzy && p.embedder && (p.mode !== "autocomplete" || lexicalIds.size < limit);
  const vector = wantVector && p.embedder ? await vectorHits(db, p.type, p.embedder, trimmed).catch(lexicalOnly) : [];

  const fused = reciprocalRankFusion([prefix.map((h) => h.concept_id), trigram.map((h) => h.concept_id), vector]);
  const ranked = [...fused].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit);
  if (ranked.length === 0) return [];

  // The label that matched: the best prefix hit, else the best trigram hit (hidden labels never shown).
  const matched = new Map<string, LabelHit>();
  for (const h of [...prefix, ...trigram]) {
    if (h.label_kind !== "hidden" && !matched.has(h.concept_id)) matched.set(h.concept_id, h);
  }
  const display = await displayLabels(db, ranked.map(([id]) => id), p.lang);
  return ranked.flatMap(([conceptId, score]) => {
    const label = display.get(conceptId);
    if (!label) return [];
    const hit = matched.get(conceptId);
    const matchedLabel = hit && hit.normalized !== normalizeQuery(label) ? hit.label : null;
    return [{ conceptId, label, matchedLabel, score }];
  });
}

/** A failing embedder (e.g. the API is down) degrades search to its lexical half instead of failing it. */
function lexicalOnly(error: unknown): string[] {
  log.warn("search", "vector search skipped", { error });
  return [];
}

/** Labels starting with the query, shortest and preferred first (uses the text_pattern_ops index). */
async function prefixHits(db: Db, type: string, q: string): Promise<LabelHit[]> {
  const rows = await queryRows<LabelHit>(
    db,
    sql`select concept_id, label, normalized, label_kind, lang from concept_labels
        where kind = ${type} and normalized like ${likePrefix(q)} escape '\\' and lang in ('nb', 'en')
        order by normalized limit ${CANDIDATES * 4}`,
  );
  const rank = (h: LabelHit) => (h.normalized === q ? 0 : 1) * 1e6 + (h.label_kind === "preferred" ? 0 : 1) * 1e4 + h.normalized.length;
  return rows.sort((a, b) => rank(a) - rank(b)).slice(0, CANDIDATES);
}

/** Labels similar to the query as a whole or to one of their words (typos, word order; GIN trigram index). */
async function trigramHits(db: Db, type: string, q: string): Promise<LabelHit[]> {
  return queryRows<LabelHit>(
    db,
    sql`select concept_id, label, normalized, label_kind, lang,
          greatest(similarity(normalized, ${q}), word_similarity(${q}, normalized)) as sim
        from concept_labels
        where kind = ${type} and lang in ('nb', 'en')
          and (normalized % ${q} ${[...q].length >= MIN_WORD_FUZZY_LENGTH ? sql`or ${q} <% normalized` : sql``})
        order by sim desc, (label_kind = 'preferred') desc, length(normalized)
        limit ${CANDIDATES}`,
  );
}

const MAX_VECTOR_DISTANCE = 0.7;

/** Nearest concept embeddings by cosine distance (HNSW index), same model as the query vector. */
async function vectorHits(db: Db, type: string, embedder: Embedder, q: string): Promise<string[]> {
  const [v] = await embedder.embed([q]);
  if (!v) return [];
  const literal = `[${v.join(",")}]`;
  // The nearest neighbours always exist; past MAX_VECTOR_DISTANCE they are unrelated words, not hits.
  const rows = await queryRows<{ concept_id: string }>(
    db,
    sql`select concept_id from (
          select e.concept_id, e.embedding <=> ${literal}::vector as distance
          from concept_embeddings e join concepts c on c.id = e.concept_id
          where e.model = ${embedder.model} and c.kind = ${type}
          order by e.embedding <=> ${literal}::vector limit ${CANDIDATES}
        ) nearest where distance <= ${MAX_VECTOR_DISTANCE} order by distance`,
  );
  return rows.map((r) => r.concept_id);
}

/** Preferred label per concept in `lang`, else in the other language, else any label. */
async function displayLabels(db: Db, ids: string[], lang: "nb" | "en"): Promise<Map<string, string>> {
  const other = langs.find((l) => l !== lang) ?? "en";
  const rows = await queryRows<{ concept_id: string; label: string }>(
    db,
    sql`select distinct on (concept_id) concept_id, label from concept_labels
        where concept_id in (select value::uuid from json_array_elements_text(${JSON.stringify(ids)}::json))
        order by concept_id,
          (lang = ${lang} and label_kind = 'preferred') desc,
          (lang = ${other} and label_kind = 'preferred') desc,
          (label_kind = 'preferred') desc, (lang = ${lang}) desc, label_kind, label`,
  );
  return new Map(rows.map((r) => [r.concept_id, r.label]));
}
