// GET /api/search?q=&type=skill|role&lang=nb|en&limit= — concept search for type-ahead and live results (not logged).
// POST /api/search {q, type, conceptId} — a type-ahead result was chosen: logged once as a search.
import { z } from "zod";
import { embedderFor } from "@/server/ai/redact";
import { AppError } from "@/server/errors";
import { publicRoute } from "@/server/http/route";
import { personSearch, recordSearchChoice } from "@/server/search/person-search";
import { searchChoiceSchema, searchQuerySchema } from "@/server/search/query";

const responseSchema = z.object({
  results: z.array(
    z.object({
      conceptId: z.uuid(),
      uri: z.string(),
      label: z.string(),
      matchedLabel: z.string().nullable(),
      exact: z.boolean(),
      score: z.number(),
    }),
  ),
});

export const GET = publicRoute(async ({ request, db, user }) => {
  const input = searchQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const results = await personSearch({ db, user, headers: request.headers, embedder: await embedderFor(db, user) }, { ...input, record: "none" });
  return Response.json(responseSchema.parse({ results }), { headers: { "Cache-Control": "private, no-store" } });
});

export const POST = publicRoute(async ({ request, db, user }) => {
  const body: unknown = await request.json().catch(() => {
    throw new AppError("bad_request", "The body must be JSON");
  });
  const input = searchChoiceSchema.parse(body);
  return Response.json(await recordSearchChoice({ db, user, headers: request.headers }, input), { headers: { "Cache-Control": "no-store" } });
});
