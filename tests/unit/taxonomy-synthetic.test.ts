import { describe, expect, test } from "vitest";
import { syntheticTaxonomy } from "@/server/taxonomy/synthetic";

describe("syntheticTaxonomy", () => {
  test("is the same for the same seed, different for another, and re-iterable", () => {
    const a = syntheticTaxonomy({ skills: 200, roles: 30, linksPerRole: 10, seed: 7 });
    const b = syntheticTaxonomy({ skills: 200, roles: 30, linksPerRole: 10, seed: 7 });
    const c = syntheticTaxonomy({ skills: 200, roles: 30, linksPerRole: 10, seed: 8 });
    expect([...a.concepts]).toEqual([...b.concepts]);
    expect([...a.links]).toEqual([...b.links]);
    expect([...a.concepts]).toEqual([...a.concepts]);
    expect([...a.concepts].map((x) => x.labels)).not.toEqual([...c.concepts].map((x) => x.labels));
  });

  test("has ESCO's shape: unique URIs and English labels, en + nb labels, linksPerRole distinct links per role", () => {
    const t = syntheticTaxonomy({ skills: 2000, roles: 100, linksPerRole: 40, seed: 1 });
    const concepts = [...t.concepts];
    expect(concepts.filter((c) => c.kind === "skill")).toHaveLength(2000);
    expect(concepts.filter((c) => c.kind === "role")).toHaveLength(100);
    expect(new Set(concepts.map((c) => c.uri)).size).toBe(2100);
    const skillLabels = concepts.filter((c) => c.kind === "skill").map((c) => c.labels.find((l) => l.lang === "en" && l.labelKind === "preferred")?.label);
    expect(new Set(skillLabels).size).toBe(2000);
    for (const c of concepts) {
      expect(c.labels.filter((l) => l.labelKind === "preferred").map((l) => l.lang).sort()).toEqual(["en", "nb"]);
    }
    // ~6 labels per concept, as ESCO-size runs need ~100k labels for 17k concepts.
    const perConcept = concepts.reduce((n, c) => n + c.labels.length, 0) / concepts.length;
    expect(perConcept).toBeGreaterThan(4.5);
    expect(perConcept).toBeLessThan(8);

    const links = [...t.links];
    expect(links).toHaveLength(100 * 40);
    expect(new Set(links.map((l) => `${l.roleUri}|${l.skillUri}`)).size).toBe(links.length);
    const known = new Set(t.skillUris);
    expect(links.every((l) => known.has(l.skillUri))).toBe(true);
  });
});
