import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { vector } from "@electric-sql/pglite-pgvector";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openPostgres, DbOpenError, type DbHandle } from "@/server/db/client";
import { runMigrations } from "@/server/db/migrate";
import { queryRows } from "@/server/db/rows";
import { users } from "@/server/db/schema";

// The production driver (postgres.js) against a real Postgres wire protocol server on loopback.
let pg: PGlite;
let server: PGLiteSocketServer;
let handle: DbHandle;
const port = 15_432 + Math.floor(Math.random() * 1000);

beforeAll(async () => {
  pg = await PGlite.create({ extensions: { vector, pg_trgm } });
  server = new PGLiteSocketServer({ db: pg, port, host: "127.0.0.1", maxConnections: 10 });
  await server.start();
  handle = await openPostgres(`postgres://postgres:postgres@127.0.0.1:${port}/postgres`);
});

afterAll(async () => {
  await handle?.close();
  await server?.stop();
  await pg?.close();
});

describe("postgres.js driver", () => {
  test("migrates an empty database and reads and writes through drizzle", async () => {
    await runMigrations(handle);
    await runMigrations(handle); // a second run is a no-op
    const ext = await queryRows<{ extname: string }>(handle.db, sql`select extname from pg_extension`);
    expect(ext.map((e) => e.extname)).toEqual(expect.arrayContaining(["vector", "pg_trgm"]));
    const [created] = await handle.db.insert(users).values({ email: "wire@example.no", displayName: "Wire" }).returning();
    const [found] = await handle.db.select().from(users).where(eq(users.email, "wire@example.no"));
    expect(found?.id).toBe(created?.id);
  });

  test("an unreachable DATABASE_URL gives one clear error without the password", async () => {
    const error = await openPostgres("postgres://evne:hunter2@127.0.0.1:1/evne").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DbOpenError);
    expect(String((error as Error).message)).toMatch(/^Could not connect to DATABASE_URL/);
    expect(String((error as Error).message)).not.toContain("hunter2");
  });
});
