// Relations held by the taxonomy index, for callers that suggest or expand skills.
import "server-only";
import type { TaxonomyIndex } from "./taxonomy-index";

/**
 * Skills ESCO relates to any of `skillIds` (skillSkillRelations, both directions), most often
 * related first, excluding `exclude`. Matching's "related skills" suggestions can call this.
 */
export function relatedSkillIds(index: TaxonomyIndex, skillIds: readonly string[], p: { exclude?: readonly string[]; limit?: number } = {}): string[] {
  const excluded = new Set([...skillIds, ...(p.exclude ?? [])]);
  const votes = new Map<number, number>();
  for (const id of skillIds) {
    const at = index.positionOf(id);
    const related = at === undefined ? undefined : index.relations.relatedSkills.get(at);
    for (const other of related ?? []) votes.set(other, (votes.get(other) ?? 0) + 1);
  }
  return [...votes]
    .map(([at, count]) => ({ id: index.concepts[at]?.id ?? "", count }))
    .filter((r) => r.id && !excluded.has(r.id))
    .sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1))
    .slice(0, p.limit ?? 20)
    .map((r) => r.id);
}
