import { defineConfig } from "vitest/config";
import base from "./vitest.config";

// The real-PostgreSQL leg: the integration suite again, plus tests/postgres/** (races and outages
// that only a multi-connection server can show), each test file on a fresh clone of one migrated
// template database on TEST_DATABASE_URL's server. Run by scripts/test-postgres.ts.
// (Spread, not mergeConfig: that would append to the base include list instead of replacing it.)
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["tests/integration/**/*.test.ts", "tests/postgres/**/*.test.ts"],
    globalSetup: ["tests/helpers/postgres-global-setup.ts"],
    env: { EVNE_TEST_DRIVER: "postgres" },
  },
});
