import "server-only";
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { vector } from "@electric-sql/pglite-pgvector";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import postgres from "postgres";
import { postgresSettings } from "./postgres-settings";
import * as schema from "./schema";

/** The one database type domain code sees, whichever driver is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DbHandle = { db: Db; driver: "pglite" | "postgres"; close: () => Promise<void> };

export class DbOpenError extends Error {
  override name = "DbOpenError";
}

/** Opens embedded PGlite with the extensions our migrations need. `dataDir` undefined = in memory. */
export async function openPglite(dataDir?: string): Promise<DbHandle & { client: PGlite }> {
  let client: PGlite;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  try {
    client = await PGlite.create({ dataDir, extensions: { vector, pg_trgm } });
  } catch (error) {
    throw new DbOpenError(
      `The embedded database at ${dataDir} could not be opened (${describe(error)}). ` +
        `If it is corrupt, move it away or delete it to start fresh: rm -rf ${dataDir}`,
    );
  }
  const db = drizzlePglite({ client, schema, casing: "snake_case" }) as unknown as Db;
  return { db, client, driver: "pglite", close: () => client.close() };
}

/** Opens a postgres.js pool configured by postgresSettings() (pool size, prepare, timeout, TLS). */
export async function openPostgres(url: string, overrides: { max?: number } = {}): Promise<DbHandle> {
  const settings = postgresSettings(url);
  const sql = postgres(settings.url, {
    max: overrides.max ?? settings.max,
    prepare: settings.prepare,
    ssl: settings.ssl,
    connect_timeout: 10,
    // Serverless instances freeze between requests; drop idle sockets instead of keeping stale ones.
    idle_timeout: 20,
    connection: settings.transactionPooler ? {} : { statement_timeout: settings.statementTimeoutMs },
    onnotice: () => {},
  });
  try {
    await sql`select 1`;
  } catch (error) {
    await sql.end({ timeout: 1 }).catch(() => {});
    throw new DbOpenError(`Could not connect to DATABASE_URL (${redact(url)}): ${describe(error)}`);
  }
  const db = drizzlePostgres({ client: sql, schema, casing: "snake_case" }) as unknown as Db;
  return { db, driver: "postgres", close: () => sql.end({ timeout: 5 }) };
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "unparseable URL";
  }
}
