import { inject } from "vitest";
import { openPglite, openPostgres, type Db } from "@/server/db/client";
import { runMigrations } from "@/server/db/migrate";
import { dropDatabase, testServerUrl, withAdmin, withDatabase } from "./postgres-test-server";

/** `url` is set on the Postgres leg: the clone's own connection string. */
export type TestDb = { db: Db; driver: "pglite" | "postgres"; url?: string; close: () => Promise<void> };

/** Which leg this run is: vitest.postgres.config.ts sets EVNE_TEST_DRIVER=postgres. */
export const testDriver: "pglite" | "postgres" = process.env.EVNE_TEST_DRIVER === "postgres" ? "postgres" : "pglite";

/**
 * A migrated database of its own for each caller. PGlite: a clone of one migrated data dir per
 * worker. Postgres: CREATE DATABASE from the run's migrated template, dropped again on close.
 */
export function createTestDb(): Promise<TestDb> {
  return testDriver === "postgres" ? createPostgresTestDb() : createPgliteTestDb();
}

let sequence = 0;

async function createPostgresTestDb(): Promise<TestDb> {
  const url = testServerUrl();
  const template = inject("pgTemplate");
  const name = `${template.replace(/_tmpl$/, "")}_${process.pid}_${++sequence}`;
  await withAdmin(url, (sql) => sql.unsafe(`create database "${name}" template "${template}"`));
  const handle = await openPostgres(withDatabase(url, name), { max: 5 });
  return {
    db: handle.db,
    driver: "postgres",
    url: withDatabase(url, name),
    close: async () => {
      await handle.close();
      await dropDatabase(url, name);
    },
  };
}

let template: Promise<File | Blob> | undefined;

async function createPgliteTestDb(): Promise<TestDb> {
  template ??= (async () => {
    const handle = await openPglite();
    await runMigrations(handle);
    const dump = await handle.client.dumpDataDir("none");
    await handle.close();
    return dump;
  })();
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { vector } = await import("@electric-sql/pglite-pgvector");
  const { drizzle } = await import("drizzle-orm/pglite");
  const schema = await import("@/server/db/schema");
  const client = await PGlite.create({ loadDataDir: await template, extensions: { vector, pg_trgm } });
  const db = drizzle({ client, schema, casing: "snake_case" }) as unknown as Db;
  return { db, driver: "pglite", close: () => client.close() };
}
