import "server-only";
import path from "node:path";
import type { Env } from "@/env";
import { openPglite, openPostgres, type DbHandle } from "./client";
import { runMigrations } from "./migrate";

/**
 * The database the environment names: Postgres at DATABASE_URL, else embedded PGlite under
 * `<DATA_DIR>/pglite`. PGlite is always migrated on open, so a fresh DATA_DIR gets its tables;
 * Postgres is migrated at deploy time by `npm run db:migrate`, and here only with `migratePostgres`.
 */
export async function openConfigured(env: Pick<Env, "DATABASE_URL" | "dataDir">, options: { migratePostgres?: boolean } = {}): Promise<DbHandle> {
  const handle = env.DATABASE_URL ? await openPostgres(env.DATABASE_URL) : await openPglite(path.resolve(env.dataDir, "pglite"));
  if (handle.driver === "postgres" && !options.migratePostgres) return handle;
  try {
    await runMigrations(handle);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}
