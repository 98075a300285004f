import "server-only";

export { getTaxonomyIndex } from "./cache";
export { relatedSkillIds } from "./related";
export type { LexicalHit, TaxonomyIndex } from "./taxonomy-index";
export type { IndexedConcept } from "./types";
