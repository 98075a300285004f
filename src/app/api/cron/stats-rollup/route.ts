// GET /api/cron/stats-rollup — daily (vercel.json crons): rolls up complete days into the
// anonymous statistics, then deletes raw search log rows past retention. CRON_SECRET bearer only.
import { cronRoute } from "@/server/http/route";
import { runStatsMaintenance } from "@/server/stats/rollup";

export const dynamic = "force-dynamic";

export const GET = cronRoute(async ({ db, config, keyring }) => {
  const result = await runStatsMaintenance(db, { retentionDays: config.SEARCH_LOG_RETENTION_DAYS, k: config.STATS_K, ring: keyring });
  return Response.json(result, { headers: { "Cache-Control": "no-store" } });
});
