// GET /api/search?q=&type=skill|role&lang=nb|en&limit= — concept autocomplete and search.
import { z } from "zod";
import { getEmbedder } from "@/server/embeddings";
import { afterResponse } from "@/server/http/after-response";
import { publicRoute } from "@/server/http/route";
import { enforceRateLimit, searchRateLimit } from "@/server/ratelimit";
import { searchConcepts } from "@/server/search/concepts";
import { logSearch } from "@/server/search/log";
import { searchQuerySchema } from "@/server/search/query";

const responseSchema = z.object({
  results: z.array(z.object({ conceptId: z.uuid(), label: z.string(), matchedLabel: z.string().nullable(), score: z.number() })),
});

export const GET = publicRoute(async ({ request, db, user }) => {
  const input = searchQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  await enforceRateLimit(db, searchRateLimit(user, request.headers));
  const results = await searchConcepts(db, { ...input, embedder: getEmbedder(), mode: "autocomplete" });
  // The pseudonymous log entry does not change the answer: written after the response is sent.
  await afterResponse("search-log", () => logSearch(db, { user, query: input.q, type: input.type, resolvedConceptId: results[0]?.conceptId ?? null }));
  return Response.json(responseSchema.parse({ results }), { headers: { "Cache-Control": "private, no-store" } });
});
