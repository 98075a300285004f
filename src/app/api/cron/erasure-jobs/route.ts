// GET /api/cron/erasure-jobs — Vercel Cron: retries due remote deletions, sends queued mail, then
// deletes housekeeping and activity rows past their retention (src/server/privacy/retention.ts)
import { cronRoute } from "@/server/http/route";
import { processOutbox } from "@/server/mail";
import { processErasureJobs } from "@/server/privacy/erase";
import { purgeExpiredRecords } from "@/server/privacy/retention";

export const dynamic = "force-dynamic";

export const GET = cronRoute(async ({ db, deleters, mail }) => {
  const erasure = await processErasureJobs(db, { deleters });
  const sent = await processOutbox(db, mail);
  const purged = await purgeExpiredRecords(db);
  return Response.json({ ok: true, erasure, mail: sent, purged }, { headers: { "Cache-Control": "no-store" } });
});
