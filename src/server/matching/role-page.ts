// What the role page shows: the role, its essential and optional skills, and (signed in) your coverage.
import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { queryRows } from "@/server/db/rows";
import type { Embedder } from "@/server/embeddings/types";
import { coverSkills, dedupeSkills } from "./coverage";
import { labelsFor } from "./labels";
import { explainRoles } from "./match";
import { loadUserSkills } from "./profile-skills";
import { isUuid } from "./sql";
import type { MatchLang, RoleMatch, SkillRef } from "./types";

export type RoleDetails = { id: string; label: string; description: string | null; essential: SkillRef[]; optional: SkillRef[] };

export async function getRoleDetails(db: Db, p: { roleId: string; lang: MatchLang }): Promise<RoleDetails | null> {
  if (!isUuid(p.roleId)) return null;
  const rows = await queryRows<{ descriptions: Record<string, string> }>(
    db,
    sql`select descriptions from concepts where id = ${p.roleId} and kind = 'role'`,
  );
  const role = rows[0];
  if (!role) return null;
  const links = await queryRows<{ skill_id: string; relation: "essential" | "optional" }>(
    db,
    sql`select skill_id, relation from role_skills where role_id = ${p.roleId}`,
  );
  const labels = await labelsFor(db, [p.roleId, ...links.map((l) => l.skill_id)], p.lang);
  const refs = (relation: string) =>
    links
      .filter((l) => l.relation === relation)
      .map((l) => ({ skillId: l.skill_id, label: labels.get(l.skill_id) ?? l.skill_id }))
      .sort((a, b) => a.label.localeCompare(b.label));
  return {
    id: p.roleId,
    label: labels.get(p.roleId) ?? p.roleId,
    description: role.descriptions[p.lang] ?? role.descriptions.en ?? null,
    essential: refs("essential"),
    optional: refs("optional"),
  };
}

/** The signed-in user's coverage of one role, explained like a match. Null when restricted. */
export async function roleCoverage(
  db: Db,
  p: { userId: string; roleId: string; lang: MatchLang; embedder: Embedder; restricted: boolean },
): Promise<RoleMatch | null> {
  if (p.restricted) return null;
  const skills = dedupeSkills(await loadUserSkills(db, { userId: p.userId }));
  const coverage = await coverSkills(db, { skills, lang: p.lang, embedder: p.embedder });
  const [match] = await explainRoles(db, coverage, [p.roleId], p.lang);
  return match ?? null;
}
