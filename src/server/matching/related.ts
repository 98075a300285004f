// Skills related to a set of skills: co-occurrence in roles (role_skills) and embedding neighbours.
// No `import "server-only"`: matchRoles (and so the CLI) uses it for the too-few-skills suggestions.
import { sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { queryRows } from "@/server/db/rows";
import { labelsFor } from "./labels";
import { uuidArray } from "./sql";
import type { MatchLang, SkillSuggestion } from "./types";

/**
 * Skills that appear in the same roles as the seeds, most shared roles first. Without seeds: the
 * skills most roles ask for. `exclude` (the user's skills, dismissed ones) never comes back.
 */
export async function relatedSkills(
  db: Db,
  p: { seedIds: readonly string[]; exclude: readonly string[]; lang: MatchLang; limit: number },
): Promise<SkillSuggestion[]> {
  const exclude = uuidArray(p.exclude);
  const rows =
    p.seedIds.length > 0
      ? await queryRows<{ skill_id: string; roles: number }>(
          db,
          sql`with seed_roles as (select distinct role_id from role_skills where skill_id = any(${uuidArray(p.seedIds)}))
              select rs.skill_id, count(distinct rs.role_id)::int as roles
              from role_skills rs join seed_roles s on s.role_id = rs.role_id
              where rs.skill_id <> all(${exclude})
              group by rs.skill_id order by roles desc, rs.skill_id limit ${p.limit}`,
        )
      : await queryRows<{ skill_id: string; roles: number }>(
          db,
          sql`select skill_id, count(*)::int as roles from role_skills
              where skill_id <> all(${exclude})
              group by skill_id order by roles desc, skill_id limit ${p.limit}`,
        );
  const labels = await labelsFor(db, rows.map((r) => r.skill_id), p.lang);
  return rows.map((r) => ({ skillId: r.skill_id, label: labels.get(r.skill_id) ?? r.skill_id, roles: Number(r.roles) }));
}
