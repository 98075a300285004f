// npm run db:migrate — applies drizzle/ migrations to DATABASE_URL (or the embedded database).
import { parseEnv } from "@/env";
import { openConfigured } from "@/server/db/open-configured";
import { runCli } from "./cli-runtime";

await runCli("db:migrate", async () => {
  const env = parseEnv(process.env);
  const handle = await openConfigured(env, { migratePostgres: true });
  try {
    console.log(`[db:migrate] ${handle.driver}: up to date`);
  } finally {
    await handle.close();
  }
});
