// Concept search served from the in-memory taxonomy index: every word of every label (both
// languages, folded), typo tolerance, exact and preferred labels first. Semantic neighbours from
// the embeddings only when the lexical search found little.
import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { queryRows } from "@/server/db/rows";
import { AppError } from "@/server/errors";
import type { Embedder } from "@/server/embeddings/types";
import { getTaxonomyIndex } from "@/server/taxonomy/index";
import { foldText } from "@/server/taxonomy/fold";
import { log } from "@/server/log";
import { MAX_QUERY_LENGTH } from "./query";

export type ConceptSearchResult = {
  conceptId: string;
  /** The concept's stable URI (ESCO URI, or evne:<kind>/<slug>), for other systems to join on. */
  uri: string;
  /** Display label in the requested language (the one rule in taxonomy/display-label.ts). */
  label: string;
  /** The synonym (or other-language label) that matched, when it differs from `label`. */
  matchedLabel: string | null;
  /** A label or synonym equals the query: there is nothing to add as the user's own. */
  exact: boolean;
  /** 1 for the best hit, falling with rank. */
  score: number;
};

export type SearchConceptsParams = {
  q: string;
  type: "skill" | "role";
  lang: "nb" | "en";
  limit?: number;
  embedder?: Embedder;
};

/** Below this many lexical hits (and none exact or by prefix), embeddings may add neighbours. */
const SEMANTIC_FALLBACK_BELOW = 3;
const MIN_SEMANTIC_LENGTH = 3;

export async function searchConcepts(db: Db, p: SearchConceptsParams): Promise<ConceptSearchResult[]> {
  const q = p.q.replaceAll("\u0000", "");
  if (q.trim().length > MAX_QUERY_LENGTH) {
    throw new AppError("bad_request", `Search text can be at most ${MAX_QUERY_LENGTH} characters`);
  }
  if (!foldText(q)) return [];
  const limit = Math.max(1, Math.min(50, p.limit ?? 10));
  const index = await getTaxonomyIndex(db);
  const hits = index.search({ q, kind: p.type, lang: p.lang, limit });
  const results: ConceptSearchResult[] = hits.map((h, i) => ({
    conceptId: h.concept.id,
    uri: h.concept.uri,
    label: h.concept.display[p.lang],
    matchedLabel: h.matchedLabel,
    exact: h.exact,
    score: round3(1 / (1 + i)),
  }));
  const confident = hits.some((h) => !h.typo);
  if (p.embedder && !confident && hits.length < SEMANTIC_FALLBACK_BELOW && foldText(q).length >= MIN_SEMANTIC_LENGTH) {
    const seen = new Set(results.map((r) => r.conceptId));
    const neighbours = await vectorHits(db, p.type, p.embedder, q.trim()).catch(lexicalOnly);
    for (const id of neighbours) {
      if (results.length >= limit) break;
      const concept = index.concept(id);
      if (!concept || seen.has(id)) continue;
      results.push({ conceptId: id, uri: concept.uri, label: concept.display[p.lang], matchedLabel: null, exact: false, score: round3(1 / (1 + results.length)) });
    }
  }
  return results;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** A failing embedder (e.g. the API is down) degrades search to its lexical half instead of failing it. */
function lexicalOnly(error: unknown): string[] {
  log.warn("search", "vector search skipped", { error });
  return [];
}

const MAX_VECTOR_DISTANCE = 0.7;
const CANDIDATES = 20;

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
