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
  try {
    seedDatabase(root, { DATABASE_URL: url });
  } catch (error) {
    await dropDatabase(serverUrl, name);
    throw error;
  }
  return { url, drop: () => dropDatabase(serverUrl, name) };
}

/** `npm run db:seed -- --demo` (migrate, then the demo content, demo people included) against DATABASE_URL or DATA_DIR in `env`. */
export function seedDatabase(root: string, env: { DATABASE_URL: string } | { DATA_DIR: string }): void {
  const seeded = spawnSync(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "--conditions=react-server", "scripts/db-seed.ts", "--demo"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: "", DATA_DIR: "", NODE_ENV: "development", VERCEL_ENV: "", ...env },
    encoding: "utf8",
  });
  if (seeded.status !== 0) {
    throw new Error(`npm run db:seed failed (exit ${seeded.status ?? seeded.signal}):\n${seeded.stdout}\n${seeded.stderr}`);
  }
}
