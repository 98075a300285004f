// POST /api/webhooks/clerk — Clerk user and session events, verified by their signature (Clerk's verifier)
import { webhookRoute } from "@/server/http/route";
import { handleClerkWebhook } from "@/server/privacy/clerk-webhook";

export const POST = webhookRoute(async ({ request, db, config, deleters }) => {
  const outcome = await handleClerkWebhook(db, {
    secret: config.CLERK_WEBHOOK_SIGNING_SECRET,
    body: await request.text(),
    headers: request.headers,
    deleters,
  });
  return Response.json(outcome.body, { headers: { "Cache-Control": "no-store" }, status: outcome.status });
});
