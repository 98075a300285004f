import "server-only";
import { getEnv } from "@/env";
import type { Db, DbHandle } from "./client";
import { openConfigured } from "./open-configured";

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
  holder[key] ??= openConfigured(getEnv()).catch((error: unknown) => {
    delete holder[key];
    throw error;
  });
  return holder[key];
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}
