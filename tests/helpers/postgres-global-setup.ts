// Global setup of the Postgres leg (vitest.postgres.config.ts): migrates one template database for
// the whole run and drops it, and every clone a crashed worker left behind, when the run ends.
import type { TestProject } from "vitest/node";
import { openPostgres } from "@/server/db/client";
import { runMigrations } from "@/server/db/migrate";
import { databasePrefix, dropDatabase, testServerUrl, withAdmin, withDatabase } from "./postgres-test-server";

declare module "vitest" {
  export interface ProvidedContext {
    pgTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const url = testServerUrl();
  const runId = `${databasePrefix(url)}_r${process.pid}`;
  const template = `${runId}_tmpl`;
  await dropDatabase(url, template);
  await withAdmin(url, (sql) => sql.unsafe(`create database "${template}"`));
  const handle = await openPostgres(withDatabase(url, template));
  try {
    await runMigrations(handle);
  } finally {
    await handle.close();
  }
  project.provide("pgTemplate", template);
  console.error(`[postgres leg] migrated template database ${template} on ${new URL(url).host}`);
  return async () => {
    await withAdmin(url, async (sql) => {
      const left = await sql<{ datname: string }[]>`select datname from pg_database where datname like ${`${runId}\\_%`}`;
      for (const { datname } of left) await sql.unsafe(`drop database if exists "${datname}" with (force)`);
    });
  };
}
