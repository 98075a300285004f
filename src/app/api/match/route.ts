// POST /api/match — ranks roles for a list of skill names, each with the explanation its score is computed from.
import { z } from "zod";
import { embedderFor } from "@/server/ai/redact";
import { EmbeddingError } from "@/server/embeddings/openai";
import { AppError } from "@/server/errors";
import { userRoute } from "@/server/http/route";
import { matchByLabels } from "@/server/matching/by-labels";
import { MAX_LIMIT } from "@/server/matching/match";
import { enforceRateLimit, rateLimitKey } from "@/server/ratelimit";

export const dynamic = "force-dynamic";

const body = z.object({
  skills: z.array(z.string().trim().min(1).max(200)).min(1).max(100),
  lang: z.enum(["nb", "en"]).optional(),
  limit: z.number().int().min(1).max(MAX_LIMIT).optional(),
});

export const POST = userRoute(async ({ request, user, db }) => {
  // Matching embeds custom labels (maybe via a paid API): a tighter limit than search.
  await enforceRateLimit(db, { key: rateLimitKey("match", `user:${user.id}`), limit: 30, windowSeconds: 60 });
  let raw: unknown;
  try {
    raw = await request.json();
  } catch {
    throw new AppError("bad_request", "The body must be JSON: {\"skills\": [\"…\"]}");
  }
  const input = body.parse(raw);
  const result = await matchByLabels(db, {
    labels: input.skills,
    lang: input.lang ?? user.locale,
    limit: input.limit ?? 10,
    embedder: await embedderFor(db, user),
    restricted: user.restricted,
  }).catch((error: unknown) => {
    // The embeddings API is down or timing out (after its retries): say so, rather than a bare 500.
    if (error instanceof EmbeddingError) {
      throw new AppError("unavailable", "Matching is unavailable right now: the text-embedding service is not answering. Please try again in a moment.");
    }
    throw error;
  });
  if (result.status === "restricted") {
    throw new AppError("forbidden", "Matching is switched off while your processing is restricted.");
  }
  return Response.json(result, { headers: { "Cache-Control": "no-store" } });
});
