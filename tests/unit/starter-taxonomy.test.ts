import { describe, expect, test } from "vitest";
import { starterRoles, starterSectors, starterSkills, toTaxonomyConcepts } from "@/server/taxonomy/starter";
import { cleanLabel, normalizeLabel } from "@/server/taxonomy/normalize";

type Labelled = { slug: string; en: string; nb: string; enAlt?: string[]; nbAlt?: string[] };

const skillSlugs = new Set(starterSkills.map((s) => s.slug));

/** Synonyms that really differ from the preferred label (a re-cased copy does not count). */
function realSynonyms(c: Labelled): string[] {
  const en = (c.enAlt ?? []).filter((l) => normalizeLabel(l) !== normalizeLabel(c.en));
  const nb = (c.nbAlt ?? []).filter((l) => normalizeLabel(l) !== normalizeLabel(c.nb));
  return [...en, ...nb];
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  for (const v of values) (seen.has(v) ? dupes : seen).add(v);
  return [...dupes];
}

describe("starter taxonomy data", () => {
  test("has at least 400 skills and 80 roles", () => {
    expect(starterSkills.length).toBeGreaterThanOrEqual(400);
    expect(starterRoles.length).toBeGreaterThanOrEqual(80);
  });

  test("covers every sector with skills, and every occupational sector with roles", () => {
    const ids = starterSectors.map((s) => s.id);
    expect(ids).toEqual(["transversal", "it", "health", "construction", "business", "education", "industry"]);
    for (const sector of starterSectors) {
      expect(sector.skills.length, sector.id).toBeGreaterThanOrEqual(25);
      if (sector.id !== "transversal") expect(sector.roles.length, sector.id).toBeGreaterThanOrEqual(10);
    }
  });

  test("slugs are unique and URL-safe", () => {
    expect(duplicates(starterSkills.map((s) => s.slug))).toEqual([]);
    expect(duplicates(starterRoles.map((r) => r.slug))).toEqual([]);
    for (const c of [...starterSkills, ...starterRoles]) expect(c.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  test("every concept has non-empty nb and en preferred labels", () => {
    for (const c of [...starterSkills, ...starterRoles]) {
      expect(c.en.trim(), c.slug).not.toBe("");
      expect(c.nb.trim(), c.slug).not.toBe("");
    }
  });

  test("no label is blank and none is listed twice for the same concept and language", () => {
    for (const c of [...starterSkills, ...starterRoles]) {
      for (const [pref, alts] of [[c.en, c.enAlt ?? []], [c.nb, c.nbAlt ?? []]] as const) {
        for (const a of alts) expect(a.trim(), c.slug).not.toBe("");
        expect(duplicates([pref, ...alts].map(normalizeLabel)), c.slug).toEqual([]);
      }
    }
  });

  test("labels and descriptions are stored exactly as written (clean, so the seed's fingerprint matches)", () => {
    for (const c of toTaxonomyConcepts().concepts) {
      for (const l of c.labels) expect(cleanLabel(l.label), c.uri).toBe(l.label);
      for (const d of Object.values(c.descriptions)) expect(d?.trim(), c.uri).toBe(d);
    }
  });

  test("at least 90% of skills and of roles have a real synonym", () => {
    for (const list of [starterSkills, starterRoles]) {
      const withSynonym = list.filter((c) => realSynonyms(c).length > 0).length;
      expect(withSynonym / list.length).toBeGreaterThanOrEqual(0.9);
    }
  });

  test("every role has 5-15 essential skills, all existing, none also optional", () => {
    for (const r of starterRoles) {
      expect(r.essential.length, r.slug).toBeGreaterThanOrEqual(5);
      expect(r.essential.length, r.slug).toBeLessThanOrEqual(15);
      const optional = r.optional ?? [];
      expect(duplicates([...r.essential, ...optional]), r.slug).toEqual([]);
      for (const slug of [...r.essential, ...optional]) expect(skillSlugs.has(slug), `${r.slug} -> ${slug}`).toBe(true);
    }
  });

  test("every skill is needed by at least one role, so matching can use it", () => {
    const linked = new Set(starterRoles.flatMap((r) => [...r.essential, ...(r.optional ?? [])]));
    expect(starterSkills.filter((s) => !linked.has(s.slug)).map((s) => s.slug)).toEqual([]);
  });

  test("most roles also list optional skills", () => {
    const withOptional = starterRoles.filter((r) => (r.optional ?? []).length > 0).length;
    expect(withOptional / starterRoles.length).toBeGreaterThanOrEqual(0.9);
  });

  test("ISCO codes are four digits and role descriptions are one sentence in each language", () => {
    for (const r of starterRoles) {
      expect(r.isco, r.slug).toMatch(/^\d{4}$/);
      for (const d of [r.descriptionEn, r.descriptionNb]) {
        expect(d, r.slug).toMatch(/^[A-ZÆØÅ].*\.$/);
        expect(d.slice(0, -1), r.slug).not.toMatch(/[.!?]\s/);
      }
    }
  });

  test("skill types are the two ESCO values", () => {
    for (const s of starterSkills) expect(["skill/competence", "knowledge"]).toContain(s.type);
  });

  test("no preferred label appears twice within a language and kind", () => {
    for (const list of [starterSkills, starterRoles]) {
      expect(duplicates(list.map((c) => normalizeLabel(c.en)))).toEqual([]);
      expect(duplicates(list.map((c) => normalizeLabel(c.nb)))).toEqual([]);
    }
  });

  test("no synonym is another concept's preferred label in the same language and kind", () => {
    for (const list of [starterSkills, starterRoles] as Labelled[][]) {
      for (const lang of ["en", "nb"] as const) {
        const preferred = new Map(list.map((c) => [normalizeLabel(c[lang]), c.slug]));
        const clashes = list.flatMap((c) =>
          ((lang === "en" ? c.enAlt : c.nbAlt) ?? [])
            .filter((a) => {
              const owner = preferred.get(normalizeLabel(a));
              return owner !== undefined && owner !== c.slug;
            })
            .map((a) => `${c.slug}: ${lang} "${a}"`),
        );
        expect(clashes).toEqual([]);
      }
    }
  });

  test("no synonym names two different concepts of the same kind and language", () => {
    for (const list of [starterSkills, starterRoles] as Labelled[][]) {
      for (const lang of ["en", "nb"] as const) {
        const owners = new Map<string, Set<string>>();
        for (const c of list) {
          for (const a of (lang === "en" ? c.enAlt : c.nbAlt) ?? []) {
            const key = normalizeLabel(a);
            owners.set(key, (owners.get(key) ?? new Set()).add(c.slug));
          }
        }
        const shared = [...owners].filter(([, slugs]) => slugs.size > 1).map(([label, slugs]) => `${lang} "${label}": ${[...slugs].join(", ")}`);
        expect(shared).toEqual([]);
      }
    }
  });

  test("Norwegian labels use æ, ø and å, not ASCII stand-ins", () => {
    const nbLabels = [...starterSkills, ...starterRoles].flatMap((c) => [c.nb, ...(c.nbAlt ?? [])]);
    expect(nbLabels.filter((l) => /\b\w*(ae|oe|aa)\w*\b/i.test(l) && /(sykepl|laerer|foerer|stoett|tomrer)/i.test(l))).toEqual([]);
    expect(nbLabels.some((l) => /[æøå]/.test(l))).toBe(true);
  });

  test("converts to the import shape with evne URIs, both languages and every link", () => {
    const { concepts, links } = toTaxonomyConcepts();
    expect(concepts).toHaveLength(starterSkills.length + starterRoles.length);
    const react = concepts.find((c) => c.uri === "evne:skill/react");
    expect(react?.kind).toBe("skill");
    expect(react?.skillType).toBe("skill/competence");
    expect(react?.labels).toEqual(
      expect.arrayContaining([
        { lang: "en", labelKind: "preferred", label: "React" },
        { lang: "nb", labelKind: "preferred", label: "React" },
        { lang: "en", labelKind: "alt", label: "React.js" },
      ]),
    );
    const nurse = concepts.find((c) => c.uri === "evne:role/registered-nurse");
    expect(nurse?.kind).toBe("role");
    expect(nurse?.iscoCode).toBe("2221");
    expect(nurse?.labels).toContainEqual({ lang: "nb", labelKind: "preferred", label: "Sykepleier" });
    expect(nurse?.descriptions.nb).toBeTruthy();
    expect(nurse?.descriptions.en).toBeTruthy();
    const expectedLinks = starterRoles.reduce((n, r) => n + r.essential.length + (r.optional ?? []).length, 0);
    expect(links).toHaveLength(expectedLinks);
    const uris = new Set(concepts.map((c) => c.uri));
    for (const l of links) {
      expect(uris.has(l.roleUri) && uris.has(l.skillUri), `${l.roleUri} -> ${l.skillUri}`).toBe(true);
    }
  });

  test("users' everyday names find the right concepts", () => {
    const byLabel = new Map<string, string>();
    for (const c of toTaxonomyConcepts().concepts) for (const l of c.labels) byLabel.set(`${c.kind}:${normalizeLabel(l.label)}`, c.uri);
    expect(byLabel.get("skill:js")).toBe("evne:skill/javascript");
    expect(byLabel.get("skill:reactjs")).toBe("evne:skill/react");
    expect(byLabel.get("skill:k8s")).toBe("evne:skill/kubernetes");
    expect(byLabel.get("skill:excel")).toBe("evne:skill/excel");
    expect(byLabel.get("role:tømrer")).toBe("evne:role/carpenter");
    expect(byLabel.get("role:regnskapsfører")).toBe("evne:role/accountant");
    expect(byLabel.get("role:lagermedarbeider")).toBe("evne:role/warehouse-worker");
    expect(byLabel.get("role:lærer")).toBe("evne:role/teacher-primary");
  });
});
