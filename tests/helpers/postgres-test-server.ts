// The real-PostgreSQL test leg: one migrated template database per run, and a fresh clone of it
// (CREATE DATABASE … TEMPLATE) for every createTestDb() caller, dropped on close.
import postgres from "postgres";

/** The server the Postgres leg runs against, from TEST_DATABASE_URL; its database must exist. */
export function testServerUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set: the Postgres test leg needs a server to run on");
  return url;
}

/** The same server URL with another database name. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Names derived from TEST_DATABASE_URL's database, so a developer's run only touches its own. */
export function databasePrefix(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.slice(1)) || "evne";
  return name.replace(/[^a-z0-9_]/gi, "_").toLowerCase().slice(0, 40);
}

/** One short-lived maintenance connection to the URL's own database, for CREATE/DROP DATABASE. */
export async function withAdmin<T>(url: string, fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export async function dropDatabase(url: string, name: string): Promise<void> {
  await withAdmin(url, (sql) => sql.unsafe(`drop database if exists "${name}" with (force)`));
}
