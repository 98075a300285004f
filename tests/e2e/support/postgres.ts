// A fresh, migrated and seeded database on TEST_DATABASE_URL's server for one `next start` (the
// Postgres leg of the browser journeys and of bench:http), dropped again by drop().
import { spawnSync } from "node:child_process";
import path from "node:path";
import { databasePrefix, dropDatabase, withAdmin, withDatabase } from "../../helpers/postgres-test-server";

export type ServerDatabase = { url: string; drop: () => Promise<void> };

export async function createSeededDatabase(root: string, serverUrl: string, purpose: string): Promise<ServerDatabase> {
  const name = `${databasePrefix(serverUrl)}_${purpose}_${process.pid}`;
  await dropDatabase(serverUrl, name);
  await withAdmin(serverUrl, (sql) => sql.unsafe(`create database "${name}"`));
  const url = withDatabase(serverUrl, name);
  // db:seed migrates first; it runs under tsx with the react-server condition like `npm run db:seed`.
  const seeded = spawnSync(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "--conditions=react-server", "scripts/db-seed.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, NODE_ENV: "development", VERCEL_ENV: "" },
    encoding: "utf8",
  });
  if (seeded.status !== 0) {
    await dropDatabase(serverUrl, name);
    throw new Error(`seeding ${name} failed (exit ${seeded.status ?? seeded.signal}):\n${seeded.stdout}\n${seeded.stderr}`);
  }
  return { url, drop: () => dropDatabase(serverUrl, name) };
}
