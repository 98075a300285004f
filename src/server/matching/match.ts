// Ranks roles by how well a set of skills fits them, with the explanation every score is computed
// from. No `import "server-only"`: the CLI, the evaluation and the benchmark run the same code.
import { sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { queryRows } from "@/server/db/rows";
import { coverSkills, dedupeSkills, type Coverage } from "./coverage";
import { labelsFor } from "./labels";
import { ESSENTIAL_WEIGHT, F_BETA, OPTIONAL_WEIGHT, scoreFromExplanation, userSkillKey } from "./score";
import { floatArray, intArray, uuidArray } from "./sql";
import { ensurePlannerStats } from "@/server/db/planner-stats";
import { relatedSkills } from "./related";
import type { MatchLang, MatchRolesInput, MatchRolesResult, RoleMatch, SkillMatch, SkillRef } from "./types";

/** With fewer skills than this a percentage says more about the profile than about the role. */
export const MIN_SKILLS_FOR_MATCHING = 3;
export const MAX_LIMIT = 50;

export async function matchRoles(db: Db, input: MatchRolesInput): Promise<MatchRolesResult> {
  if (input.restricted) return { status: "restricted" };
  const skills = dedupeSkills(input.skills);
  const limit = Math.max(1, Math.min(MAX_LIMIT, Math.floor(input.limit)));
  if (skills.length < MIN_SKILLS_FOR_MATCHING) {
    const own = skills.flatMap((s) => (s.conceptId ? [s.conceptId] : []));
    const suggestions = await relatedSkills(db, { seedIds: own, exclude: own, lang: input.lang, limit: 8 });
    return { status: "too_few_skills", minimum: MIN_SKILLS_FOR_MATCHING, suggestions };
  }
  await ensurePlannerStats(db);
  const coverage = await coverSkills(db, { skills, lang: input.lang, embedder: input.embedder });
  const candidates = await candidateRoles(db, coverage, Math.max(limit * 2, limit + 20));
  const roles = await explainRoles(db, coverage, candidates, input.lang, limit);
  return { status: "ok", roles };
}

/** Highest score first; among equals the role with more matched skills, then by label. */
export function rankRoles(roles: RoleMatch[]): RoleMatch[] {
  const matched = (r: RoleMatch) => r.matchedEssential.length + r.matchedOptional.length;
  return [...roles].sort((a, b) => b.score - a.score || matched(b) - matched(a) || a.label.localeCompare(b.label));
}

/**
 * Pre-filter in SQL: only roles linked to a covered skill, ranked by the same formula (unrounded) as
 * scoreFromExplanation (so the top `k` here are the top `k` there); details are loaded for those only.
 */
async function candidateRoles(db: Db, coverage: Coverage, k: number): Promise<string[]> {
  const ids = [...coverage.bySkill.keys()];
  if (ids.length === 0) return [];
  const covers = ids.map((id) => coverage.bySkill.get(id));
  const strengths = covers.map((c) => c?.strength ?? 0);
  // The user skill behind each covered skill, as a small integer (same key as the score's precision).
  const userIndex = new Map<string, number>();
  const users = covers.map((c) => {
    const key = c ? userSkillKey(c.userSkill) : "";
    if (!userIndex.has(key)) userIndex.set(key, userIndex.size);
    return userIndex.get(key) ?? 0;
  });
  const b2 = F_BETA * F_BETA;
  const n = Math.max(1, coverage.userLabels.length);
  const rows = await queryRows<{ role_id: string }>(
    db,
    sql`with m as (select * from unnest(${uuidArray(ids)}, ${floatArray(strengths)}, ${intArray(users)}) as m(skill_id, strength, u)),
        link as (
          select rs.role_id, m.u, m.strength,
            case when rs.relation = 'essential' then ${ESSENTIAL_WEIGHT}::float8 else ${OPTIONAL_WEIGHT}::float8 end as w
          from m join role_skills rs on rs.skill_id = m.skill_id),
        per_user as (select role_id, u, max(strength) as best, sum(w * strength) as num, count(*) as hits from link group by role_id, u),
        hit as (
          select role_id, sum(num) as num, sum(hits) as hits, least(1, sum(best) / ${n}::float8) as p
          from per_user group by role_id),
        scored as (
          select hit.role_id, hit.hits, hit.p, hit.num / t.den as r from hit
          cross join lateral (
            select sum(case when r.relation = 'essential' then ${ESSENTIAL_WEIGHT}::float8 else ${OPTIONAL_WEIGHT}::float8 end) as den
            from role_skills r where r.role_id = hit.role_id) t)
        select role_id from scored
        order by (1 + ${b2}::float8) * p * r / nullif(${b2}::float8 * p + r, 0) desc nulls last, hits desc limit ${k}`,
  );
  return rows.map((r) => r.role_id);
}

/**
 * The full explanation (and its score) of each role for the covered skills. With `top`, only the best
 * `top` roles are returned, and only their skills' labels are looked up.
 */
export async function explainRoles(
  db: Db,
  coverage: Coverage,
  roleIds: readonly string[],
  lang: MatchLang,
  top?: number,
): Promise<RoleMatch[]> {
  if (roleIds.length === 0) return [];
  const links = await queryRows<{ role_id: string; skill_id: string; relation: "essential" | "optional" }>(
    db,
    sql`select role_id, skill_id, relation from role_skills where role_id = any(${uuidArray(roleIds)})`,
  );
  const uris = await queryRows<{ id: string; uri: string }>(db, sql`select id, uri from concepts where id = any(${uuidArray(roleIds)})`);
  const uriOf = new Map(uris.map((r) => [r.id, r.uri]));
  const roleLabels = await labelsFor(db, roleIds, lang);
  const byRole = new Map<string, typeof links>();
  for (const link of links) {
    const list = byRole.get(link.role_id) ?? [];
    list.push(link);
    byRole.set(link.role_id, list);
  }
  // Scores do not depend on labels: explain with ids, rank, cut, then label what is shown.
  let roles: RoleMatch[] = roleIds.map((roleId) => {
    const matchedEssential: SkillMatch[] = [];
    const matchedOptional: SkillMatch[] = [];
    const missingEssential: SkillRef[] = [];
    const missingOptional: SkillRef[] = [];
    for (const link of byRole.get(roleId) ?? []) {
      const cover = coverage.bySkill.get(link.skill_id);
      const essential = link.relation === "essential";
      if (cover) {
        const match = { skillId: link.skill_id, label: "", by: { label: cover.byLabel, userSkill: cover.userSkill }, strength: cover.strength };
        (essential ? matchedEssential : matchedOptional).push(match);
      } else {
        (essential ? missingEssential : missingOptional).push({ skillId: link.skill_id, label: "" });
      }
    }
    const explanation = { matchedEssential, matchedOptional, missingEssential, missingOptional, userSkillCount: coverage.userLabels.length };
    return {
      roleId,
      uri: uriOf.get(roleId) ?? "",
      label: roleLabels.get(roleId) ?? roleId,
      score: scoreFromExplanation(explanation),
      ...explanation,
    };
  });
  if (top !== undefined) roles = rankRoles(roles).slice(0, top);
  const skillIds = roles.flatMap((r) => [...r.matchedEssential, ...r.matchedOptional, ...r.missingEssential, ...r.missingOptional].map((s) => s.skillId));
  const labels = await labelsFor(db, skillIds, lang);
  const strongestFirst = (a: SkillMatch, b: SkillMatch) => b.strength - a.strength || a.label.localeCompare(b.label);
  const byLabel = (a: SkillRef, b: SkillRef) => a.label.localeCompare(b.label);
  for (const role of roles) {
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
