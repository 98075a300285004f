import "server-only";
import type { DisplayLang } from "../display-label";

export type ConceptKind = "skill" | "role";
export type IndexedLabelKind = "preferred" | "alt" | "hidden";

export type IndexedConcept = {
  id: string;
  /** Stable URI: the ESCO URI, or `evne:<kind>/<slug>` for the starter taxonomy. */
  uri: string;
  kind: ConceptKind;
  /** Display label per interface language, by the one rule in `display-label.ts`. */
  display: Record<DisplayLang, string>;
  /** Index of the concept's first label in the label arrays; its labels are contiguous. */
  firstLabel: number;
  labelCount: number;
};

/** ESCO's skill -> related skill relations (both directions), by concept position. */
export type ConceptRelations = {
  relatedSkills: Map<number, Int32Array>;
};
