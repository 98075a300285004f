// npm run db:seed [-- --demo] — idempotent starter taxonomy; demo people (who can sign in without
// a password, one an admin) are added to the embedded database always, and to DATABASE_URL only
// with --demo (never run that against production data you care about).
import { parseEnv } from "@/env";
import { openConfigured } from "@/server/db/open-configured";
import { embedderFor } from "@/server/embeddings";
import { seedDemo } from "@/server/seed";
import { parseFlags, runCli } from "./cli-runtime";

await runCli("db:seed", async () => {
  const { values } = parseFlags({ args: process.argv.slice(2), options: { demo: { type: "boolean", default: false } } }, "usage: npm run db:seed [-- --demo]");
  const env = parseEnv(process.env);
  const handle = await openConfigured(env, { migratePostgres: true });
  try {
    const demoPeople = !env.DATABASE_URL || values.demo;
    await seedDemo(handle.db, { demoPeople, embedder: embedderFor(env), statsK: env.STATS_K });
    console.log(`[db:seed] done${demoPeople ? " (with demo people)" : " (taxonomy only; add --demo for demo people)"}`);
  } finally {
    await handle.close();
  }
});
