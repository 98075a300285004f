// The taxonomy as matching reads it, held in memory per process and per taxonomy version: every role
// with its essential and optional skills, and the inverse (skill -> roles). Scoring a profile is then
// a walk over the covered skills' roles, with no round trip per role.
import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { queryRows } from "@/server/db/rows";
import { ESSENTIAL_WEIGHT, OPTIONAL_WEIGHT } from "./score";
import { currentTaxonomyVersion } from "@/server/taxonomy/version";

export type RoleLink = { skill: number; essential: boolean };

export type RoleIndex = {
  version: number;
  roleIds: string[];
  roleUris: string[];
  roleOf: Map<string, number>;
  /** Each role's skills (indexes into skillIds). */
  links: RoleLink[][];
  skillIds: string[];
  skillOf: Map<string, number>;
  /** skill index -> the roles asking for it. */
  skillRoles: { role: number; essential: boolean }[][];
  /** Each role's score denominator: 2 · |essential| + |optional|. */
  denominators: Float64Array;
};

const cache = new WeakMap<Db, Promise<RoleIndex>>();

/** The role index for the taxonomy `db` holds now; rebuilt when the taxonomy version changes. */
export async function getRoleIndex(db: Db): Promise<RoleIndex> {
  const version = await currentTaxonomyVersion(db);
  const cached = cache.get(db);
  if (cached) {
    const index = await cached.catch(() => undefined);
    if (index && index.version === version) return index;
  }
  const building = loadRoleIndex(db, version);
  cache.set(db, building);
  return building;
}

async function loadRoleIndex(db: Db, version: number): Promise<RoleIndex> {
  const roles = await queryRows<{ id: string; uri: string }>(db, sql`select id, uri from concepts where kind = 'role' order by uri`);
  const skills = await queryRows<{ id: string }>(db, sql`select id from concepts where kind = 'skill' order by uri`);
  const rows = await queryRows<{ role_id: string; skill_id: string; essential: boolean }>(
    db,
    sql`select role_id, skill_id, relation = 'essential' as essential from role_skills order by role_id, skill_id`,
  );
  const roleOf = new Map(roles.map((r, i) => [r.id, i]));
  const skillOf = new Map(skills.map((s, i) => [s.id, i]));
  const links: RoleLink[][] = roles.map(() => []);
  const skillRoles: { role: number; essential: boolean }[][] = skills.map(() => []);
  for (const row of rows) {
    const role = roleOf.get(row.role_id);
    const skill = skillOf.get(row.skill_id);
    if (role === undefined || skill === undefined) continue;
    const essential = row.essential === true || String(row.essential) === "t";
    links[role]?.push({ skill, essential });
    skillRoles[skill]?.push({ role, essential });
  }
  const denominators = Float64Array.from(links, (list) =>
    list.reduce((sum, l) => sum + (l.essential ? ESSENTIAL_WEIGHT : OPTIONAL_WEIGHT), 0),
  );
  return {
    version,
    denominators,
    roleIds: roles.map((r) => r.id),
    roleUris: roles.map((r) => r.uri),
    roleOf,
    links,
    skillIds: skills.map((s) => s.id),
    skillOf,
    skillRoles,
  };
}
