// Evne's built-in starter taxonomy: what a fresh machine runs on before (or instead of) an ESCO import.
import "server-only";
import type { RoleSkillLink, TaxonomyConcept } from "@/server/taxonomy/upsert";
import { businessRoles } from "./roles-business";
import { constructionRoles } from "./roles-construction";
import { educationRoles } from "./roles-education";
import { healthRoles } from "./roles-health";
import { industryRoles } from "./roles-industry";
import { itRoles } from "./roles-it";
import { businessSkills } from "./skills-business";
import { constructionSkills } from "./skills-construction";
import { educationSkills } from "./skills-education";
import { healthSkills } from "./skills-health";
import { industrySkills } from "./skills-industry";
import { itSkills } from "./skills-it";
import { transversalSkills } from "./skills-transversal";
import type { StarterRole, StarterSector, StarterSkill } from "./types";

export type { StarterRole, StarterSector, StarterSkill } from "./types";

export const starterSectors: StarterSector[] = [
  { id: "transversal", skills: transversalSkills, roles: [] },
  { id: "it", skills: itSkills, roles: itRoles },
  { id: "health", skills: healthSkills, roles: healthRoles },
  { id: "construction", skills: constructionSkills, roles: constructionRoles },
  { id: "business", skills: businessSkills, roles: businessRoles },
  { id: "education", skills: educationSkills, roles: educationRoles },
  { id: "industry", skills: industrySkills, roles: industryRoles },
];

export const starterSkills: StarterSkill[] = starterSectors.flatMap((s) => s.skills);
export const starterRoles: StarterRole[] = starterSectors.flatMap((s) => s.roles);

export const skillUri = (slug: string) => `evne:skill/${slug}`;
export const roleUri = (slug: string) => `evne:role/${slug}`;

function labelsOf(c: { en: string; nb: string; enAlt?: string[]; nbAlt?: string[] }): TaxonomyConcept["labels"] {
  return [
    { lang: "nb", labelKind: "preferred", label: c.nb },
    { lang: "en", labelKind: "preferred", label: c.en },
    ...(c.nbAlt ?? []).map((label) => ({ lang: "nb", labelKind: "alt" as const, label })),
    ...(c.enAlt ?? []).map((label) => ({ lang: "en", labelKind: "alt" as const, label })),
  ];
}

/** The starter data in the common import shape that `upsertTaxonomy` takes. */
export function toTaxonomyConcepts(): { concepts: TaxonomyConcept[]; links: RoleSkillLink[] } {
  const concepts: TaxonomyConcept[] = [
    ...starterSkills.map((s): TaxonomyConcept => ({
      uri: skillUri(s.slug),
      kind: "skill",
      skillType: s.type,
      descriptions: {},
      labels: labelsOf(s),
    })),
    ...starterRoles.map((r): TaxonomyConcept => ({
      uri: roleUri(r.slug),
      kind: "role",
      iscoCode: r.isco,
      descriptions: { en: r.descriptionEn, nb: r.descriptionNb },
      labels: labelsOf(r),
    })),
  ];
  const links: RoleSkillLink[] = starterRoles.flatMap((r) => [
    ...r.essential.map((slug): RoleSkillLink => ({ roleUri: roleUri(r.slug), skillUri: skillUri(slug), relation: "essential" })),
    ...(r.optional ?? []).map((slug): RoleSkillLink => ({ roleUri: roleUri(r.slug), skillUri: skillUri(slug), relation: "optional" })),
  ]);
  return { concepts, links };
}
