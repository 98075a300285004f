// Postgres only (this folder runs on the Postgres leg): openConfigured leaves a DATABASE_URL
// database unmigrated unless the caller asks, as deploys migrate in their own step.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, expect, test } from "vitest";
import type { Db } from "@/server/db/client";
import { openConfigured } from "@/server/db/open-configured";
import { queryRows } from "@/server/db/rows";
import { databasePrefix, dropDatabase, testServerUrl, withAdmin, withDatabase } from "@tests/helpers/postgres-test-server";

const dataDir = mkdtempSync(path.join(tmpdir(), "evne-open-configured-pg-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function hasTable(db: Db, name: string): Promise<boolean> {
  const [row] = await queryRows<{ found: boolean }>(db, sql`select to_regclass(${name}) is not null as found`);
  return row?.found ?? false;
}

test("openConfigured migrates Postgres only when asked", async () => {
  const server = testServerUrl();
  const name = `${databasePrefix(server)}_open_${process.pid}`;
  await withAdmin(server, (s) => s.unsafe(`create database "${name}"`));
  try {
    const env = { DATABASE_URL: withDatabase(server, name), dataDir };
    const plain = await openConfigured(env);
    const before = await hasTable(plain.db, "concepts").finally(() => plain.close());
    const migrated = await openConfigured(env, { migratePostgres: true });
    const after = await hasTable(migrated.db, "concepts").finally(() => migrated.close());
    expect({ before, after }).toEqual({ before: false, after: true });
  } finally {
    await dropDatabase(server, name);
  }
});
