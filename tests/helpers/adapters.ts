import { afterAll, beforeAll } from "vitest";
import { installAdapters, type Adapters } from "@/server/adapters";
import type { Db } from "@/server/db/client";
import type { TestDb } from "./db";

/**
 * Hands the app test adapters (a test database, who is asking, an embedder …) for the whole file,
 * setup hooks included. Values that change from test to test belong behind functions
 * (`session: async () => state.user`), since `make` runs once, before the file's own beforeAll.
 */
export function withTestAdapters(make: () => Partial<Adapters>): void {
  let restore: (() => void) | undefined;
  beforeAll(() => {
    restore = installAdapters(make());
  });
  afterAll(() => restore?.());
}

/** The `db` adapter for a test database that a beforeAll opens later into `holder.t`. */
export function dbFrom(holder: { t?: TestDb }): () => Promise<Db> {
  return async () => {
    if (!holder.t) throw new Error("no test db");
    return holder.t.db;
  };
}
