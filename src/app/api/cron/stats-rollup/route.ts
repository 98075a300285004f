// GET /api/cron/stats-rollup — daily (vercel.json crons): rolls up complete days into the
// anonymous statistics, then deletes raw search log rows past retention. CRON_SECRET bearer only.
import { getEnv } from "@/env";
import { getDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { errorResponse } from "@/server/http/route";
import { isCronAuthorized } from "@/server/stats/cron-auth";
import { runStatsMaintenance } from "@/server/stats/rollup";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    const env = getEnv();
    if (!isCronAuthorized(request.headers.get("authorization"), env.CRON_SECRET)) throw new AppError("unauthorized", "Unauthorized");
    const result = await runStatsMaintenance(await getDb(), { retentionDays: env.SEARCH_LOG_RETENTION_DAYS, k: env.STATS_K });
    return Response.json(result, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
