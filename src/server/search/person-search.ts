// "A person searches": the one entry point the search page, the API and the type-ahead call.
// Rate-limited always; written to the search log only for searches a person makes (a submitted
// search, or a type-ahead result chosen), never for the requests typing sends.
import "server-only";
import type { SessionUser } from "@/server/auth/types";
import type { Db } from "@/server/db/client";
import type { Embedder } from "@/server/embeddings/types";
import { AppError } from "@/server/errors";
import type { AddressSource } from "@/server/http/client-address";
import { enforceRateLimit, searchRateLimit } from "@/server/ratelimit";
import { getTaxonomyIndex } from "@/server/taxonomy/index";
import { searchConcepts, type ConceptSearchResult } from "./concepts";
import { logSearch } from "./log";
import type { SearchQuery } from "./query";

type Asker = { db: Db; user: SessionUser | null; headers: Headers; addressSource: AddressSource };

/**
 * Searches concepts. `record: "search"` logs it as one search (the page's submitted query);
 * `record: "none"` is a type-ahead request while typing.
 */
export async function personSearch(
  ctx: Asker & { embedder?: Embedder },
  input: SearchQuery & { record: "search" | "none" },
): Promise<ConceptSearchResult[]> {
  await enforceRateLimit(ctx.db, searchRateLimit(ctx.user, ctx.headers, ctx.addressSource));
  const results = await searchConcepts(ctx.db, { q: input.q, type: input.type, lang: input.lang, limit: input.limit, embedder: ctx.embedder });
  if (input.record === "search") {
    await logSearch(ctx.db, { user: ctx.user, query: input.q, type: input.type, resolvedConceptId: results[0]?.conceptId ?? null });
  }
  return results;
}

/** A type-ahead result was chosen: one log row with the text typed and the concept chosen. */
export async function recordSearchChoice(ctx: Asker, input: { q: string; type: "skill" | "role"; conceptId: string }): Promise<{ logged: boolean }> {
  const concept = (await getTaxonomyIndex(ctx.db)).concept(input.conceptId);
  if (!concept || concept.kind !== input.type) throw new AppError("not_found", "No such concept");
  await enforceRateLimit(ctx.db, searchRateLimit(ctx.user, ctx.headers, ctx.addressSource));
  const logged = await logSearch(ctx.db, { user: ctx.user, query: input.q, type: input.type, resolvedConceptId: concept.id });
  return { logged };
}
