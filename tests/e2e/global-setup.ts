// Builds once (or reuses a current .next), starts one `next start` with a fresh DATA_DIR for every
// journey, and stops it when the run ends.
import type { TestProject } from "vitest/node";
import { ensureBuild, repoRoot, startServer } from "./support/server";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
  }
}

export default async function setup(project: TestProject) {
  const root = repoRoot(import.meta.dirname);
  ensureBuild(root);
  const server = await startServer(root);
  console.error(`[e2e] next start on ${server.baseURL} (DATA_DIR=${server.dataDir})`);
  project.provide("baseURL", server.baseURL);
  return async () => {
    await server.stop();
    if (process.env.E2E_SERVER_LOG) console.error(server.output());
  };
}
