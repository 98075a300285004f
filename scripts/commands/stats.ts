// npm run cli -- stats rollup — rolls up complete days into the anonymous statistics and purges
// raw search log rows past SEARCH_LOG_RETENTION_DAYS (what the daily cron does). Prints JSON.
import { parseEnv } from "@/env";
import { openConfigured } from "@/server/db/open-configured";
import { runStatsMaintenance } from "@/server/stats/rollup";
import { parseFlags } from "../cli-runtime";

const USAGE = "usage: npm run cli -- stats rollup";

export async function run(args: string[]): Promise<void> {
  const { positionals } = parseFlags({ args, allowPositionals: true, options: {} }, USAGE);
  if (positionals.join(" ") !== "rollup") throw new Error(USAGE);
  const env = parseEnv(process.env);
  const handle = await openConfigured(env);
  try {
    const result = await runStatsMaintenance(handle.db, { retentionDays: env.SEARCH_LOG_RETENTION_DAYS, k: env.STATS_K });
    console.log(JSON.stringify(result));
  } finally {
    await handle.close();
  }
}
