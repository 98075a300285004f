// npm run test:e2e — the browser journeys against `next start` on embedded PGlite, then, when
// TEST_DATABASE_URL is set (CI always sets it), again on a fresh seeded database on that server.
// One build serves both legs.
import { spawnSync } from "node:child_process";

const legs: Array<"pglite" | "postgres"> = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
if (legs.length === 1) console.error("[test:e2e] TEST_DATABASE_URL is not set: journeys on PGlite only.");
let failed = false;
for (const leg of legs) {
  console.error(`[test:e2e] browser journeys on ${leg}`);
  const result = spawnSync(process.execPath, ["node_modules/vitest/vitest.mjs", "run", "--config", "vitest.e2e.config.ts", ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, E2E_DB: leg },
  });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
