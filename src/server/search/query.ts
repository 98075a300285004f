import "server-only";
import { z } from "zod";
import { normalizeLabel } from "@/server/taxonomy/normalize";

export const MAX_QUERY_LENGTH = 200;
export const searchTypes = ["skill", "role"] as const;
export const searchLangs = ["nb", "en"] as const;

/** GET /api/search query string. Over-long queries are a 400, not a silent cut. */
export const searchQuerySchema = z.object({
  q: z
    .string()
    .default("")
    // Postgres text cannot hold NUL (U+0000): dropped here rather than failing the query with a 500.
    .transform((s) => s.replaceAll("\u0000", "").trim())
    .pipe(z.string().max(MAX_QUERY_LENGTH, `Search text can be at most ${MAX_QUERY_LENGTH} characters`)),
  type: z.enum(searchTypes).default("skill"),
  lang: z.enum(searchLangs).default("nb"),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

/** The form a query is matched in, the same as stored labels' `normalized` column. */
export function normalizeQuery(q: string): string {
  return normalizeLabel(q);
}

/** Escapes LIKE wildcards so `%`, `_` and `\` in a query are just text. */
export function likePrefix(normalized: string): string {
  return `${normalized.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** POST /api/search body: the text typed in a type-ahead and the concept chosen from its results. */
export const searchChoiceSchema = z.object({
  q: z
    .string()
    .transform((s) => s.replaceAll("\u0000", "").trim())
    .pipe(z.string().min(1).max(MAX_QUERY_LENGTH)),
  type: z.enum(searchTypes),
  conceptId: z.uuid(),
});
