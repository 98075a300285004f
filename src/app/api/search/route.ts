// GET /api/search?q=&type=skill|role&lang=nb|en&limit= — concept search for type-ahead and live results (not logged).
// POST /api/search {q, type, conceptId} — a type-ahead result was chosen: logged once as a search.
import { z } from "zod";
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

export const GET = publicRoute(async (ctx) => {
  const input = searchQuerySchema.parse(Object.fromEntries(new URL(ctx.request.url).searchParams));
  const results = await personSearch({ ...ctx, headers: ctx.request.headers }, { ...input, record: "none" });
  return Response.json(responseSchema.parse({ results }), { headers: { "Cache-Control": "private, no-store" } });
});

export const POST = publicRoute(async (ctx) => {
  const body: unknown = await ctx.request.json().catch(() => {
    throw new AppError("bad_request", "The body must be JSON");
  });
  const input = searchChoiceSchema.parse(body);
  return Response.json(await recordSearchChoice({ ...ctx, headers: ctx.request.headers }, input), { headers: { "Cache-Control": "no-store" } });
});
