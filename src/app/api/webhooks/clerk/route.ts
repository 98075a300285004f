// POST /api/webhooks/clerk — Clerk user and session events, verified by their signature (Clerk's verifier)
import { getEnv } from "@/env";
import { getDb } from "@/server/db";
import { errorResponse } from "@/server/http/route";
import { handleClerkWebhook } from "@/server/privacy/clerk-webhook";
import { remoteDeletersFromEnv } from "@/server/privacy/remote";

export async function POST(request: Request): Promise<Response> {
  try {
    const env = getEnv();
    const outcome = await handleClerkWebhook(await getDb(), {
      secret: env.CLERK_WEBHOOK_SIGNING_SECRET,
      body: await request.text(),
      headers: request.headers,
      deleters: remoteDeletersFromEnv(env),
    });
    return Response.json(outcome.body, { status: outcome.status });
  } catch (error) {
    return errorResponse(error);
  }
}
