// npm run cli -- stats rollup — rolls up complete days into the anonymous statistics and purges
// raw search log rows past SEARCH_LOG_RETENTION_DAYS (what the daily cron does). Prints JSON.
import path from "node:path";
import { parseEnv } from "@/env";
import { openPglite, openPostgres } from "@/server/db/client";
import { runMigrations } from "@/server/db/migrate";
import { runStatsMaintenance } from "@/server/stats/rollup";

export async function run(args: string[]): Promise<void> {
  const [sub] = args;
  if (sub !== "rollup") throw new Error("usage: npm run cli -- stats rollup");
  const env = parseEnv(process.env);
  const handle = env.DATABASE_URL ? await openPostgres(env.DATABASE_URL) : await openPglite(path.resolve(env.dataDir, "pglite"));
  try {
    if (handle.driver === "pglite") await runMigrations(handle);
    const result = await runStatsMaintenance(handle.db, { retentionDays: env.SEARCH_LOG_RETENTION_DAYS, k: env.STATS_K });
    console.log(JSON.stringify(result));
  } finally {
    await handle.close();
  }
}
