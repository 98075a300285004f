// Skills related to a set of skills, read from which roles ask for them together (the in-memory role
// index).
import "server-only";
import type { Db } from "@/server/db/client";
import { labelsFor } from "./labels";
import { getRoleIndex, type RoleIndex } from "./role-index";
import type { MatchLang, SkillSuggestion } from "./types";

/** A related skill is asked for at least this many times more often by the seeds' roles than by all roles. */
export const MIN_LIFT = 2;

/**
 * demand: "skills many roles ask for": among the roles that ask for the seeds, the skills most of them
 * (weighted by how many seeds each role has) ask for. affinity: "skills you may also have": the skills
 * most specific to those roles (shared roles × ln lift), so generic skills give way to close ones.
 * Both keep only skills over-represented in the seeds' roles (lift ≥ MIN_LIFT), so nothing unrelated to
 * the profile comes back. Without seeds, demand is the skills most roles ask for and affinity is empty.
 */
export async function relatedSkills(
  db: Db,
  p: { seedIds: readonly string[]; exclude: readonly string[]; lang: MatchLang; limit: number; by: "demand" | "affinity" },
): Promise<SkillSuggestion[]> {
  const index = await getRoleIndex(db);
  const ranked = rankRelated(index, p);
  const labels = await labelsFor(db, ranked.map((r) => r.skillId), p.lang);
  return ranked.map((r) => ({ skillId: r.skillId, label: labels.get(r.skillId) ?? r.skillId, roles: r.roles }));
}

export function rankRelated(
  index: RoleIndex,
  p: { seedIds: readonly string[]; exclude: readonly string[]; limit: number; by: "demand" | "affinity" },
): { skillId: string; roles: number }[] {
  const exclude = new Set(p.exclude);
  const seeds = p.seedIds.flatMap((id) => {
    const skill = index.skillOf.get(id);
    return skill === undefined ? [] : [skill];
  });
  const total = Math.max(1, index.roleIds.length);
  if (seeds.length === 0) {
    if (p.by === "affinity") return [];
    return index.skillRoles
      .map((roles, skill) => ({ skillId: index.skillIds[skill] ?? "", roles: roles.length }))
      .filter((s) => s.roles > 0 && !exclude.has(s.skillId))
      .sort((a, b) => b.roles - a.roles || a.skillId.localeCompare(b.skillId))
      .slice(0, p.limit);
  }
  const seedsInRole = new Map<number, number>();
  for (const skill of seeds) for (const { role } of index.skillRoles[skill] ?? []) seedsInRole.set(role, (seedsInRole.get(role) ?? 0) + 1);
  const shared = new Map<number, { roles: number; weight: number }>();
  for (const [role, count] of seedsInRole) {
    for (const link of index.links[role] ?? []) {
      const s = shared.get(link.skill) ?? { roles: 0, weight: 0 };
      s.roles += 1;
      s.weight += count;
      shared.set(link.skill, s);
    }
  }
  const seedRoles = Math.max(1, seedsInRole.size);
  const out: { skillId: string; roles: number; value: number }[] = [];
  for (const [skill, s] of shared) {
    const skillId = index.skillIds[skill] ?? "";
    if (exclude.has(skillId) || p.seedIds.includes(skillId)) continue;
    const lift = s.roles / seedRoles / ((index.skillRoles[skill]?.length ?? 1) / total);
    if (lift < MIN_LIFT) continue;
    out.push({ skillId, roles: s.roles, value: p.by === "demand" ? s.weight : s.weight * Math.log(lift) });
  }
  return out
    .sort((a, b) => b.value - a.value || b.roles - a.roles || a.skillId.localeCompare(b.skillId))
    .slice(0, p.limit)
    .map(({ skillId, roles }) => ({ skillId, roles }));
}
