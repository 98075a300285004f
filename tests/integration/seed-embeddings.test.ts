import { afterAll, beforeAll, expect, test } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "@tests/helpers/db";

import { seedStarterTaxonomy } from "@/server/seed/starter-taxonomy";
import { seedEmbeddings } from "@/server/seed/embeddings";
import { queryRows } from "@/server/db/rows";
import { searchConcepts } from "@/server/search/concepts";
import { createLocalEmbedder } from "@/server/embeddings/local";

const calls: number[] = [];
const local = createLocalEmbedder();
const countingEmbedder = {
  model: local.model,
  embed: async (texts: string[]) => {
    calls.push(texts.length);
    return local.embed(texts);
  },
};

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

test("the seed embeds every starter concept once, and a restart embeds nothing", async () => {
  await seedStarterTaxonomy(t.db);
  await seedEmbeddings(t.db, countingEmbedder);
  const [counts] = await queryRows<{ concepts: number; embedded: number }>(
    t.db,
    sql`select (select count(*)::int from concepts) as concepts, (select count(*)::int from concept_embeddings) as embedded`,
  );
  expect(counts?.concepts).toBeGreaterThan(0);
  expect(counts?.embedded).toBe(counts?.concepts);
  const before = calls.length;
  await seedStarterTaxonomy(t.db);
  await seedEmbeddings(t.db, countingEmbedder);
  expect(calls.length).toBe(before);

  // And search works on the seeded taxonomy, vector half included.
  const results = await searchConcepts(t.db, { q: "javscript", type: "skill", lang: "en", limit: 5, embedder: createLocalEmbedder() });
  expect(results[0]?.label.toLowerCase()).toContain("javascript");
});
