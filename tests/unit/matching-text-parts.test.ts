import { describe, expect, test } from "vitest";
import { lsaVector, trainLsa } from "@/server/embeddings/lsa";
import { roleBackLink } from "@/server/matching/back-link";

describe("LSA", () => {
  test("words that share contexts land near each other, words that never do stay apart", () => {
    const docs = [
      ...Array.from({ length: 6 }, () => ["nurse", "patient", "care", "ward"]),
      ...Array.from({ length: 6 }, () => ["patient", "care", "hospital", "medicine"]),
      ...Array.from({ length: 6 }, () => ["weld", "steel", "metal", "torch"]),
      ...Array.from({ length: 6 }, () => ["steel", "metal", "beam", "construction"]),
    ];
    const model = trainLsa(docs, { k: 2, minDf: 1 });
    const cos = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);
    const nurse = lsaVector(model, ["nurse"]);
    expect(cos(nurse, lsaVector(model, ["hospital"]))).toBeGreaterThan(0.8);
    expect(Math.abs(cos(nurse, lsaVector(model, ["weld"])))).toBeLessThan(0.2);
    expect(lsaVector(model, ["unknown"])).toHaveLength(0);
  });
});

describe("a role page's back link", () => {
  const host = "evne.test";
  test("goes back to the search the user came from, query and all", () => {
    expect(roleBackLink({ referer: "https://evne.test/search?q=nurse&type=role", host })).toEqual({ href: "/search?q=nurse&type=role", to: "search" });
  });
  test("goes back to matches when tagged or when coming from there; never to another site", () => {
    expect(roleBackLink({ from: "matches", referer: "https://evne.test/search?q=x", host })).toEqual({ href: "/matches", to: "matches" });
    expect(roleBackLink({ referer: "https://evil.test/search?q=x", host })).toEqual({ href: "/matches", to: "matches" });
    expect(roleBackLink({ referer: "not a url", host })).toEqual({ href: "/matches", to: "matches" });
    expect(roleBackLink({ from: "search" })).toEqual({ href: "/search", to: "search" });
  });
});
