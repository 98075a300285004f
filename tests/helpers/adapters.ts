import { afterAll, beforeAll } from "vitest";
import { installAdapters, type Adapters } from "@/server/adapters";

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
