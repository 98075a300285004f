import "server-only";
import path from "node:path";
import { getEnv } from "@/env";
import { openPglite, openPostgres, type Db, type DbHandle } from "./client";
import { runMigrations } from "./migrate";

export type { Db } from "./client";

const key = Symbol.for("evne.db");
type Holder = { [key]?: Promise<DbHandle> };

/**
 * The process-wide database. Embedded PGlite is migrated on first open (it is one connection in
 * one process, so it lives on globalThis to survive Next's module duplication); Postgres is
 * migrated by `npm run db:migrate` at deploy time.
 */
export function getDbHandle(): Promise<DbHandle> {
  const holder = globalThis as Holder;
  holder[key] ??= openConfigured().catch((error: unknown) => {
    delete holder[key];
    throw error;
  });
  return holder[key];
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

async function openConfigured(): Promise<DbHandle> {
  const env = getEnv();
  if (env.DATABASE_URL) return openPostgres(env.DATABASE_URL);
  const handle = await openPglite(path.resolve(env.dataDir, "pglite"));
  await runMigrations(handle);
  return handle;
}
