// npm run db:migrate — applies drizzle/ migrations to DATABASE_URL (or the embedded database).
import path from "node:path";
import { parseEnv } from "@/env";
import { openPglite, openPostgres } from "@/server/db/client";
import { runMigrations } from "@/server/db/migrate";
import { runCli } from "./cli-runtime";

await runCli("db:migrate", async () => {
  const env = parseEnv(process.env);
  const handle = env.DATABASE_URL ? await openPostgres(env.DATABASE_URL) : await openPglite(path.resolve(env.dataDir, "pglite"));
  try {
    await runMigrations(handle);
    console.log(`[db:migrate] ${handle.driver}: up to date`);
  } finally {
    await handle.close();
  }
});
