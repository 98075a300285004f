// Ranks roles by how well a set of skills fits them, with the explanation every score is computed
// from.
import "server-only";
import type { Db } from "@/server/db/client";
import { ensurePlannerStats } from "@/server/db/planner-stats";
import { coverSkills, dedupeSkills, type Coverage } from "./coverage";
import { labelsFor } from "./labels";
import { relatedSkills } from "./related";
import { getRoleIndex, type RoleIndex } from "./role-index";
import { fuseRanks } from "./text/fuse";
import { scoreBm25f, topK } from "./text/bm25f";
import { terms } from "./text/terms";
import { getTextIndex } from "./text/text-index";
import { ESSENTIAL_WEIGHT, fBeta, OPTIONAL_WEIGHT, scoreFromExplanation, userSkillKey } from "./score";
import type { MatchLang, MatchRolesInput, MatchRolesResult, RoleMatch, SkillMatch, SkillRef } from "./types";

/** With fewer skills than this a percentage says more about the profile than about the role. */
export const MIN_SKILLS_FOR_MATCHING = 3;
export const MAX_LIMIT = 50;

export function clampLimit(limit: number): number {
  return Math.max(1, Math.min(MAX_LIMIT, Math.floor(limit)));
}

export async function matchRoles(db: Db, input: MatchRolesInput): Promise<MatchRolesResult> {
  if (input.restricted) return { status: "restricted" };
  const skills = dedupeSkills(input.skills);
  if (skills.length < MIN_SKILLS_FOR_MATCHING) {
    const own = skills.flatMap((s) => (s.conceptId ? [s.conceptId] : []));
    const suggestions = await relatedSkills(db, { seedIds: own, exclude: own, lang: input.lang, limit: 8, by: "demand" });
    return { status: "too_few_skills", minimum: MIN_SKILLS_FOR_MATCHING, suggestions };
  }
  await ensurePlannerStats(db);
  const coverage = await coverSkills(db, { skills, lang: input.lang, embedder: input.embedder });
  return { status: "ok", roles: await rolesForCoverage(db, coverage, input.lang, clampLimit(input.limit)) };
}

/** How deep each ranked list is read before fusing. */
const FUSION_DEPTH = 200;

/**
 * The best `limit` roles for a coverage, explained and in list order: the coverage ranking fused
 * (reciprocal rank) with a BM25F ranking of the skills' own words against the labels and synonyms of
 * each role's skills, so a misspelt or unusual skill name still finds its roles. The fusion orders
 * the list only; each score is still the coverage its explanation lists.
 */
export async function rolesForCoverage(db: Db, coverage: Coverage, lang: MatchLang, limit: number): Promise<RoleMatch[]> {
  const index = await getTextIndex(db);
  const byCoverage = rankByCoverage(index.roles, coverage).slice(0, FUSION_DEPTH).map((r) => r.roleId);
  const byWords = topK(scoreBm25f(index.skillsBm25f, coverage.userLabels.flatMap((l) => terms(l))), FUSION_DEPTH).map((d) => index.roles.roleIds[d.doc] ?? "");
  // Weights chosen on eval set a (queries made from ESCO's own labels, never O*NET text).
  const fused = fuseRanks([
    { ids: byCoverage, weight: 1 },
    { ids: byWords, weight: 2.5 },
  ]).slice(0, limit);
  const explained = new Map((await explainRoles(db, coverage, fused, lang)).map((r) => [r.roleId, r]));
  return fused.flatMap((id) => explained.get(id) ?? []);
}

/**
 * Every role linked to a covered skill with its rankKey, best first: the same numbers
 * explainRoles gives, computed over the in-memory index without labels.
 */
export function rankByCoverage(index: RoleIndex, coverage: Coverage): { roleId: string; key: number; coverage: number }[] {
  const num = new Map<number, number>();
  const hits = new Map<number, number>();
  const best = new Map<number, Map<string, number>>();
  for (const [skillId, cover] of coverage.bySkill) {
    const skill = index.skillOf.get(skillId);
    if (skill === undefined) continue;
    const user = userSkillKey(cover.userSkill);
    for (const { role, essential } of index.skillRoles[skill] ?? []) {
      num.set(role, (num.get(role) ?? 0) + (essential ? ESSENTIAL_WEIGHT : OPTIONAL_WEIGHT) * cover.strength);
      hits.set(role, (hits.get(role) ?? 0) + 1);
      const users = best.get(role) ?? new Map<string, number>();
      users.set(user, Math.max(users.get(user) ?? 0, cover.strength));
      best.set(role, users);
    }
  }
  const n = Math.max(1, coverage.userLabels.length);
  const out: { roleId: string; key: number; coverage: number; hits: number; uri: string }[] = [];
  for (const [role, value] of num) {
    const den = index.denominators[role] ?? 0;
    if (den === 0) continue;
    const r = value / den;
    const p = Math.min(1, [...(best.get(role)?.values() ?? [])].reduce((s, v) => s + v, 0) / n);
    out.push({ roleId: index.roleIds[role] ?? "", key: fBeta(p, r), coverage: r, hits: hits.get(role) ?? 0, uri: index.roleUris[role] ?? "" });
  }
  return out.sort((a, b) => b.key - a.key || b.hits - a.hits || a.uri.localeCompare(b.uri));
}

/** The full explanation (and its score) of each role for the covered skills, in the given order. */
export async function explainRoles(db: Db, coverage: Coverage, roleIds: readonly string[], lang: MatchLang): Promise<RoleMatch[]> {
  if (roleIds.length === 0) return [];
  const index = await getRoleIndex(db);
  const known = roleIds.flatMap((id) => {
    const role = index.roleOf.get(id);
    return role === undefined ? [] : [{ id, role }];
  });
  const roles: RoleMatch[] = known.map(({ id, role }) => {
    const matchedEssential: SkillMatch[] = [];
    const matchedOptional: SkillMatch[] = [];
    const missingEssential: SkillRef[] = [];
    const missingOptional: SkillRef[] = [];
    for (const link of index.links[role] ?? []) {
      const skillId = index.skillIds[link.skill] ?? "";
      const cover = coverage.bySkill.get(skillId);
      if (cover) {
        const match = { skillId, label: "", by: { label: cover.byLabel, userSkill: cover.userSkill }, strength: cover.strength };
        (link.essential ? matchedEssential : matchedOptional).push(match);
      } else {
        (link.essential ? missingEssential : missingOptional).push({ skillId, label: "" });
      }
    }
    const explanation = { matchedEssential, matchedOptional, missingEssential, missingOptional, userSkillCount: coverage.userLabels.length };
    return { roleId: id, uri: index.roleUris[role] ?? "", label: "", score: scoreFromExplanation(explanation), ...explanation };
  });
  const skillIds = roles.flatMap((r) => [...r.matchedEssential, ...r.matchedOptional, ...r.missingEssential, ...r.missingOptional].map((s) => s.skillId));
  const labels = await labelsFor(db, [...roles.map((r) => r.roleId), ...skillIds], lang);
  const strongestFirst = (a: SkillMatch, b: SkillMatch) => b.strength - a.strength || a.label.localeCompare(b.label);
  const byLabel = (a: SkillRef, b: SkillRef) => a.label.localeCompare(b.label);
  for (const role of roles) {
    role.label = labels.get(role.roleId) ?? role.roleId;
    for (const list of [role.matchedEssential, role.matchedOptional, role.missingEssential, role.missingOptional]) {
      for (const item of list) item.label = labels.get(item.skillId) ?? item.skillId;
    }
    role.matchedEssential.sort(strongestFirst);
    role.matchedOptional.sort(strongestFirst);
    role.missingEssential.sort(byLabel);
    role.missingOptional.sort(byLabel);
  }
  return roles;
}
