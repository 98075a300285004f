// npm run test:postgres — the integration suite on a real PostgreSQL when TEST_DATABASE_URL is set
// (CI always sets it, see .ci/run); without it there is nothing to run against, which is said and
// is not a failure, so `npm test` passes on a fresh machine with no Postgres.
import { spawnSync } from "node:child_process";

const url = process.env.TEST_DATABASE_URL;
if (!url) {
  console.error("[test:postgres] TEST_DATABASE_URL is not set: the real-PostgreSQL leg did not run (PGlite only).");
  process.exit(0);
}
console.error(`[test:postgres] integration suite on ${new URL(url).host}${new URL(url).pathname}`);
const result = spawnSync(process.execPath, ["node_modules/vitest/vitest.mjs", "run", "--config", "vitest.postgres.config.ts", ...process.argv.slice(2)], {
  stdio: "inherit",
});
process.exit(result.status ?? 1);
