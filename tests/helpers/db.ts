import { openPglite, type Db } from "@/server/db/client";
import { runMigrations } from "@/server/db/migrate";
import type { PGlite } from "@electric-sql/pglite";

export type TestDb = { db: Db; client: PGlite; close: () => Promise<void> };

let template: Promise<File | Blob> | undefined;

/** A migrated database of its own for each caller: a clone of one migrated template per worker. */
export async function createTestDb(): Promise<TestDb> {
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
  return { db, client, close: () => client.close() };
}
