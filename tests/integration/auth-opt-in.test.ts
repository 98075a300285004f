import { execFile } from "node:child_process";
import { promisify } from "node:util";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { vector } from "@electric-sql/pglite-pgvector";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { parseEnv } from "@/env";

// Issue 14, point 1: passwordless local sign-in only on an explicit opt-in outside development.
describe("local sign-in is opt-in outside development", () => {
  test("npm run dev (NODE_ENV=development) and tests allow it without a setting", () => {
    expect(() => parseEnv({ NODE_ENV: "development" })).not.toThrow();
    expect(() => parseEnv({ NODE_ENV: "test" })).not.toThrow();
  });

  test("a production build or next start without Clerk needs EVNE_AUTH=local, in one line", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/^Missing environment variable EVNE_AUTH: set EVNE_AUTH=local[^\n]*$/);
    expect(() => parseEnv({ NODE_ENV: "production", EVNE_AUTH: "local" })).not.toThrow();
    expect(() => parseEnv({ NODE_ENV: "production", EVNE_AUTH: "yes" })).toThrow(/EVNE_AUTH/);
  });

  test("production with Clerk keys but no webhook secret refuses to start", () => {
    const clerk = { NODE_ENV: "production", CLERK_SECRET_KEY: "sk_live_x", NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: "pk_live_x" };
    expect(() => parseEnv(clerk)).toThrow(/CLERK_WEBHOOK_SIGNING_SECRET/);
    expect(() => parseEnv({ ...clerk, CLERK_WEBHOOK_SIGNING_SECRET: "whsec_x" })).not.toThrow();
  });

  describe("the server start", () => {
    afterEach(() => {
      vi.unstubAllEnvs();
      vi.restoreAllMocks();
    });

    test("refuses with one line naming the fix", async () => {
      vi.stubEnv("NODE_ENV", "production");
      vi.stubEnv("EVNE_AUTH", "");
      vi.stubEnv("CLERK_SECRET_KEY", "");
      vi.stubEnv("NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY", "");
      const exit = vi.spyOn(process, "exit").mockImplementation(() => undefined as never);
      const lines: string[] = [];
      vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
        lines.push(...String(chunk).split("\n").filter(Boolean));
        return true;
      });
      const { bootstrap } = await import("@/server/bootstrap");
      await bootstrap();
      expect(exit).toHaveBeenCalledWith(1);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/cannot start: .*EVNE_AUTH=local/);
    });
  });
});

describe("db:seed against DATABASE_URL", () => {
  let pg: PGlite;
  let server: PGLiteSocketServer;
  const port = 16_432 + Math.floor(Math.random() * 1000);
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;

  beforeAll(async () => {
    pg = await PGlite.create({ extensions: { vector, pg_trgm } });
    server = new PGLiteSocketServer({ db: pg, port, host: "127.0.0.1", maxConnections: 4 });
    await server.start();
  });
  afterAll(async () => {
    await server?.stop();
    await pg?.close();
  });

  // Asynchronous, so this process keeps serving the socket the script connects to.
  async function seed(args: string[]) {
    await promisify(execFile)(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/db-seed.ts", ...args], {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "test", DATABASE_URL: url },
      timeout: 180_000,
    });
  }

  const demoUsers = async () =>
    (await pg.query<{ email: string }>("select email from users where email like '%@evne.local' order by email")).rows.map((r) => r.email);

  test("never creates demo users unless asked with --demo", async () => {
    await seed([]);
    expect(await demoUsers()).toEqual([]);
    expect((await pg.query<{ n: number }>("select count(*)::int as n from concepts")).rows[0]?.n).toBeGreaterThan(0);
    await seed(["--demo"]);
    expect(await demoUsers()).toEqual(["admin@evne.local", "kari@evne.local", "ola@evne.local"]);
  }, 400_000);
});
