import { describe, expect, test } from "vitest";
import { EMBEDDING_DIMENSIONS } from "@/server/db/schema/taxonomy";
import { createLocalEmbedder, foldForEmbedding } from "@/server/embeddings/local";

const cosine = (a: number[], b: number[]) => a.reduce((sum, v, i) => sum + v * (b[i] ?? 0), 0);

describe("local embedder", () => {
  const embedder = createLocalEmbedder();

  test("vectors are unit length with 256 dimensions, also for empty text", async () => {
    const vectors = await embedder.embed(["javascript", "", "  ", "Sykepleier"]);
    for (const v of vectors) {
      expect(v).toHaveLength(EMBEDDING_DIMENSIONS);
      expect(Math.sqrt(cosine(v, v))).toBeCloseTo(1, 9);
    }
  });

  test("a typo lands nearer the word than an unrelated word does", async () => {
    const [js, typo, nursing] = await embedder.embed(["javascript", "javascrpt", "nursing"]);
    if (!js || !typo || !nursing) throw new Error("missing vectors");
    expect(cosine(js, typo)).toBeGreaterThan(cosine(js, nursing));
    expect(cosine(js, typo)).toBeGreaterThan(0.5);
  });

  test("deterministic across calls and embedder instances", async () => {
    const [a] = await embedder.embed(["Prosjektledelse i bygg"]);
    const [b] = await createLocalEmbedder().embed(["Prosjektledelse i bygg"]);
    expect(a).toEqual(b);
  });

  test("æ, ø, å and case fold to the same text", async () => {
    expect(foldForEmbedding("Sjåfør Ærlig")).toBe("sjafor aerlig");
    const [a, b] = await embedder.embed(["Sjåfør", "sjafor"]);
    expect(a).toEqual(b);
  });
});
