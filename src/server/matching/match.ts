// Ranks roles by how well a set of skills fits them, with the explanation every score is computed
// from. No `import "server-only"`: the CLI, the evaluation and the benchmark run the same code.
import { sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { queryRows } from "@/server/db/rows";
import { coverSkills, dedupeSkills, type Coverage } from "./coverage";
import { labelsFor } from "./labels";
import { ESSENTIAL_WEIGHT, OPTIONAL_WEIGHT, scoreFromExplanation } from "./score";
import { floatArray, uuidArray } from "./sql";
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
  const coverage = await coverSkills(db, { skills, lang: input.lang, embedder: input.embedder });
  const candidates = await candidateRoles(db, coverage, Math.max(limit * 2, limit + 20));
  const roles = await explainRoles(db, coverage, candidates, input.lang);
  return { status: "ok", roles: rankRoles(roles).slice(0, limit) };
}

/** Highest score first; among equals the role with more matched skills, then by label. */
export function rankRoles(roles: RoleMatch[]): RoleMatch[] {
  const matched = (r: RoleMatch) => r.matchedEssential.length + r.matchedOptional.length;
  return [...roles].sort((a, b) => b.score - a.score || matched(b) - matched(a) || a.label.localeCompare(b.label));
}

/**
 * Pre-filter in SQL: only roles linked to a covered skill, ranked by the same formula as
 * scoreFromExplanation (so the top `k` here are the top `k` there); details are loaded for those only.
 */
async function candidateRoles(db: Db, coverage: Coverage, k: number): Promise<string[]> {
  const ids = [...coverage.bySkill.keys()];
  if (ids.length === 0) return [];
  const strengths = ids.map((id) => coverage.bySkill.get(id)?.strength ?? 0);
  const rows = await queryRows<{ role_id: string }>(
    db,
    sql`with m as (select * from unnest(${uuidArray(ids)}, ${floatArray(strengths)}) as m(skill_id, strength)),
        cand as (select distinct rs.role_id from role_skills rs join m on m.skill_id = rs.skill_id),
        agg as (
          select rs.role_id,
            sum(case when rs.relation = 'essential' then ${ESSENTIAL_WEIGHT}::float8 else ${OPTIONAL_WEIGHT}::float8 end * coalesce(m.strength, 0)) as num,
            sum(case when rs.relation = 'essential' then ${ESSENTIAL_WEIGHT}::float8 else ${OPTIONAL_WEIGHT}::float8 end) as den,
            count(m.skill_id) as hits
          from role_skills rs join cand on cand.role_id = rs.role_id left join m on m.skill_id = rs.skill_id
          group by rs.role_id)
        select role_id from agg order by num / den desc, hits desc limit ${k}`,
  );
  return rows.map((r) => r.role_id);
}

/** The full explanation (and its score) of each role for the covered skills. */
export async function explainRoles(db: Db, coverage: Coverage, roleIds: readonly string[], lang: MatchLang): Promise<RoleMatch[]> {
  if (roleIds.length === 0) return [];
  const links = await queryRows<{ role_id: string; skill_id: string; relation: "essential" | "optional" }>(
    db,
    sql`select role_id, skill_id, relation from role_skills where role_id = any(${uuidArray(roleIds)})`,
  );
  const uris = await queryRows<{ id: string; uri: string }>(db, sql`select id, uri from concepts where id = any(${uuidArray(roleIds)})`);
  const uriOf = new Map(uris.map((r) => [r.id, r.uri]));
  const labels = await labelsFor(db, [...roleIds, ...links.map((l) => l.skill_id)], lang);
  const byRole = new Map<string, typeof links>();
  for (const link of links) {
    const list = byRole.get(link.role_id) ?? [];
    list.push(link);
    byRole.set(link.role_id, list);
  }
  return roleIds.map((roleId) => {
    const matchedEssential: SkillMatch[] = [];
    const matchedOptional: SkillMatch[] = [];
    const missingEssential: SkillRef[] = [];
    const missingOptional: SkillRef[] = [];
    for (const link of byRole.get(roleId) ?? []) {
      const label = labels.get(link.skill_id) ?? link.skill_id;
      const cover = coverage.bySkill.get(link.skill_id);
      const essential = link.relation === "essential";
      if (cover) {
        const match = { skillId: link.skill_id, label, by: { label: cover.byLabel, userSkill: cover.userSkill }, strength: cover.strength };
        (essential ? matchedEssential : matchedOptional).push(match);
      } else {
        (essential ? missingEssential : missingOptional).push({ skillId: link.skill_id, label });
      }
    }
    const strongestFirst = (a: SkillMatch, b: SkillMatch) => b.strength - a.strength || a.label.localeCompare(b.label);
    const byLabel = (a: SkillRef, b: SkillRef) => a.label.localeCompare(b.label);
    matchedEssential.sort(strongestFirst);
    matchedOptional.sort(strongestFirst);
    missingEssential.sort(byLabel);
    missingOptional.sort(byLabel);
    const explanation = { matchedEssential, matchedOptional, missingEssential, missingOptional };
    return {
      roleId,
      uri: uriOf.get(roleId) ?? "",
      label: labels.get(roleId) ?? roleId,
      score: scoreFromExplanation(explanation),
      ...explanation,
    };
  });
}
