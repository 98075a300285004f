import path from "node:path";
import { defineConfig } from "vitest/config";
import "./tests/helpers/node20-polyfills";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname, "src"),
      "@tests": path.resolve(import.meta.dirname, "tests"),
      // What `server-only` resolves to under React's server condition. An alias, not vi.mock in the
      // setup file, so that global setups (the Postgres leg migrates its template there) get it too.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    setupFiles: ["tests/setup.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
