// The shape of Evne's built-in starter taxonomy (written by us, shipped in the repo).

import "server-only";

export type StarterSkillType = "skill/competence" | "knowledge";

export type StarterSkill = {
  /** Stable id: the concept URI is `evne:skill/<slug>`. Never rename a slug that has shipped. */
  slug: string;
  type: StarterSkillType;
  en: string;
  nb: string;
  /** Other names people use in English (abbreviations, spellings, older names). */
  enAlt?: string[];
  /** Other names people use in Norwegian Bokmål. */
  nbAlt?: string[];
};

export type StarterRole = {
  /** Stable id: the concept URI is `evne:role/<slug>`. */
  slug: string;
  /** ISCO-08 unit group, four digits. */
  isco: string;
  en: string;
  nb: string;
  enAlt?: string[];
  nbAlt?: string[];
  descriptionEn: string;
  descriptionNb: string;
  /** Skill slugs the role cannot do without (5-15). */
  essential: string[];
  /** Skill slugs that help but are not required. */
  optional?: string[];
};

export type StarterSector = {
  id: "transversal" | "it" | "health" | "construction" | "business" | "education" | "industry";
  skills: StarterSkill[];
  roles: StarterRole[];
};

/**
 * Compact constructor for skill rows so the data files stay readable:
 * `skill("react", "s", "React", "React", ["React.js"], [])` where "s" is a skill/competence and "k" knowledge.
 */
export function skill(slug: string, type: "s" | "k", en: string, nb: string, enAlt: string[] = [], nbAlt: string[] = []): StarterSkill {
  return { slug, type: type === "k" ? "knowledge" : "skill/competence", en, nb, enAlt, nbAlt };
}
