import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "@tests/helpers/db";
import { queryRows } from "@/server/db/rows";
import { conceptText, embedConcepts } from "@/server/embeddings/concepts";
import { createLocalEmbedder } from "@/server/embeddings/local";
import type { Embedder } from "@/server/embeddings/types";
import { upsertTaxonomy, type TaxonomyConcept } from "@/server/taxonomy/upsert";

let t: TestDb;
const calls: string[][] = [];
const local = createLocalEmbedder();
const counting: Embedder = {
  model: local.model,
  embed: async (texts) => {
    calls.push(texts);
    return local.embed(texts);
  },
};

const skill = (slug: string, en: string, nb: string, alt: string[] = []): TaxonomyConcept => ({
  uri: `evne:skill/${slug}`,
  kind: "skill",
  descriptions: {},
  labels: [
    { lang: "en", labelKind: "preferred", label: en },
    { lang: "nb", labelKind: "preferred", label: nb },
    ...alt.map((label) => ({ lang: "en", labelKind: "alt" as const, label })),
  ],
});

beforeAll(async () => {
  t = await createTestDb();
  await upsertTaxonomy(t.db, {
    source: "starter",
    removeMissing: false,
    links: [],
    concepts: [skill("js", "JavaScript", "JavaScript", ["JS", "ECMAScript"]), skill("nursing", "nursing", "sykepleie"), skill("welding", "welding", "sveising")],
  });
});
afterAll(() => t.close());

describe("embedConcepts", () => {
  test("embeds every concept once, then a re-run with no changes calls the embedder zero times", async () => {
    const progress: number[] = [];
    const first = await embedConcepts(t.db, counting, { onProgress: (p) => progress.push(p.done) });
    expect(first).toMatchObject({ total: 3, embedded: 3, unchanged: 0, model: "evne-local-hash-v1" });
    expect(calls.flat()).toHaveLength(3);
    expect(progress.at(-1)).toBe(3);
    const rows = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from concept_embeddings where model = 'evne-local-hash-v1'`);
    expect(rows[0]?.n).toBe(3);

    calls.length = 0;
    const again = await embedConcepts(t.db, counting);
    expect(again).toMatchObject({ embedded: 0, unchanged: 3 });
    expect(calls).toHaveLength(0);
  });

  test("changing one concept's labels re-embeds only that concept", async () => {
    await upsertTaxonomy(t.db, { source: "starter", removeMissing: false, links: [], concepts: [skill("welding", "welding", "sveising", ["MIG welding"])] });
    calls.length = 0;
    const result = await embedConcepts(t.db, counting);
    expect(result.embedded).toBe(1);
    expect(calls.flat()).toEqual(["sveising; welding; MIG welding"]);
  });

  test("the embedded text has preferred labels first, Norwegian before English, no duplicates", () => {
    expect(
      conceptText([
        { lang: "en", labelKind: "alt", label: "JS" },
        { lang: "en", labelKind: "preferred", label: "JavaScript" },
        { lang: "nb", labelKind: "preferred", label: "javascript" },
      ]),
    ).toBe("javascript; JS");
  });
});
