// Builds once (or reuses a current .next), starts one `next start` with a fresh DATA_DIR for every
// journey, and stops it when the run ends. E2E_DB=postgres (scripts/test-e2e.ts sets it when
// TEST_DATABASE_URL is given) runs the same server on a fresh seeded database on that server.
import type { TestProject } from "vitest/node";
import { createSeededDatabase, type ServerDatabase } from "./support/postgres";
import { ensureBuild, repoRoot, startServer } from "./support/server";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
  }
}

export default async function setup(project: TestProject) {
  const root = repoRoot(import.meta.dirname);
  ensureBuild(root);
  let database: ServerDatabase | undefined;
  if (process.env.E2E_DB === "postgres") {
    const serverUrl = process.env.TEST_DATABASE_URL;
    if (!serverUrl) throw new Error("E2E_DB=postgres needs TEST_DATABASE_URL (a Postgres server with pgvector)");
    database = await createSeededDatabase(root, serverUrl, "e2e");
  }
  const server = await startServer(root, database ? { env: { DATABASE_URL: database.url } } : {});
  console.error(`[e2e] next start on ${server.baseURL} (${database ? `Postgres ${new URL(database.url).pathname.slice(1)}` : `DATA_DIR=${server.dataDir}`})`);
  project.provide("baseURL", server.baseURL);
  return async () => {
    await server.stop();
    await database?.drop();
    if (process.env.E2E_SERVER_LOG) console.error(server.output());
  };
}
