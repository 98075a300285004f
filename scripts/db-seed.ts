// npm run db:seed — idempotent demo content (never run against production data you care about).
import path from "node:path";
import { parseEnv } from "../src/env";
import { openPglite, openPostgres } from "../src/server/db/client";
import { runMigrations } from "../src/server/db/migrate";
import { seedDemo } from "../src/server/seed";
import { runCli } from "./cli-runtime";

await runCli("db:seed", async () => {
  const env = parseEnv(process.env);
  const handle = env.DATABASE_URL ? await openPostgres(env.DATABASE_URL) : await openPglite(path.resolve(env.dataDir, "pglite"));
  try {
    await runMigrations(handle);
    await seedDemo(handle.db);
    console.log("[db:seed] done");
  } finally {
    await handle.close();
  }
});
