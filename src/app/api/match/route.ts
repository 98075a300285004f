// POST /api/match — ranks roles for a list of skill names ({"skills": […]}) or for a free text
// ({"text": "…"}), each role with the explanation its score is computed from.
import { z } from "zod";
import { EmbeddingError } from "@/server/embeddings/openai";
import { AppError } from "@/server/errors";
import { userRoute } from "@/server/http/route";
import { matchByLabels } from "@/server/matching/by-labels";
import { matchByText, MAX_MATCH_TEXT_CHARS } from "@/server/matching/by-text";
import { MAX_LIMIT } from "@/server/matching/match";
import { enforceRateLimit, rateLimitKey } from "@/server/ratelimit";

export const dynamic = "force-dynamic";

const common = { lang: z.enum(["nb", "en"]).optional(), limit: z.number().int().min(1).max(MAX_LIMIT).optional() };
const body = z.union([
  z.object({ skills: z.array(z.string().trim().min(1).max(200)).min(1).max(100), ...common }).strict(),
  z.object({ text: z.string().trim().min(1, "The text is empty.").max(MAX_MATCH_TEXT_CHARS, `The text is longer than ${MAX_MATCH_TEXT_CHARS} characters.`), ...common }).strict(),
]);

export const POST = userRoute(async ({ request, user, db, embedder }) => {
  // Matching embeds custom labels (maybe via a paid API): a tighter limit than search.
  await enforceRateLimit(db, { key: rateLimitKey("match", `user:${user.id}`), limit: 30, windowSeconds: 60 });
  let raw: unknown;
  try {
    raw = await request.json();
  } catch {
    throw new AppError("bad_request", "The body must be JSON: {\"skills\": [\"…\"]} or {\"text\": \"…\"}");
  }
  const input = body.parse(raw);
  const p = { lang: input.lang ?? user.locale, limit: input.limit ?? 10, embedder, restricted: user.restricted };
  const result = await ("text" in input ? matchByText(db, { ...p, text: input.text }) : matchByLabels(db, { ...p, labels: input.skills })).catch(
    (error: unknown) => {
      // The embeddings API is down or timing out (after its retries): say so, rather than a bare 500.
      if (error instanceof EmbeddingError) {
        throw new AppError("unavailable", "Matching is unavailable right now: the text-embedding service is not answering. Please try again in a moment.");
      }
      throw error;
    },
  );
  if (result.status === "restricted") {
    throw new AppError("forbidden", "Matching is switched off while your processing is restricted.");
  }
  return Response.json(result, { headers: { "Cache-Control": "no-store" } });
});
