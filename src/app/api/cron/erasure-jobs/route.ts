// GET /api/cron/erasure-jobs — Vercel Cron: retries due remote deletions, sends queued mail, then
// deletes housekeeping and activity rows past their retention (src/server/privacy/retention.ts)
import { getEnv } from "@/env";
import { getDb } from "@/server/db";
import { errorResponse } from "@/server/http/route";
import { getMailProvider, processOutbox } from "@/server/mail";
import { processErasureJobs } from "@/server/privacy/erase";
import { remoteDeletersFromEnv } from "@/server/privacy/remote";
import { purgeExpiredRecords } from "@/server/privacy/retention";
import { isCronAuthorized } from "@/server/stats/cron-auth";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    const env = getEnv();
    if (!isCronAuthorized(request.headers.get("authorization"), env.CRON_SECRET)) {
      return Response.json({ error: { code: "unauthorized", message: "Unauthorized" } }, { status: 401 });
    }
    const db = await getDb();
    const erasure = await processErasureJobs(db, { deleters: remoteDeletersFromEnv(env) });
    const mail = await processOutbox(db, getMailProvider());
    const purged = await purgeExpiredRecords(db);
    return Response.json({ ok: true, erasure, mail, purged });
  } catch (error) {
    return errorResponse(error);
  }
}
