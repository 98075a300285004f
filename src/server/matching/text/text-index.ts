// What matching from text reads, held in memory per process and taxonomy version: a BM25F index over
// every role (preferred labels > alternative labels > description > its skills' labels) and a
// dictionary of every skill label and synonym, for span matching. Built only from the taxonomy.
import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { queryRows } from "@/server/db/rows";
import { getRoleIndex, type RoleIndex } from "../role-index";
import { buildBm25f, type Bm25fIndex, type FieldSpec } from "./bm25f";
import { terms } from "./terms";

/**
 * Field weights, set a priori in the order the literature suggests (never tuned on O*NET text). The
 * role's own text (labels, description) and its skills' labels are two indexes: a role's ~40 skills
 * carry hundreds of words that would drown its title in one field set.
 */
export const ROLE_FIELDS: readonly FieldSpec[] = [
  { weight: 3, b: 0.5 }, // preferred labels
  { weight: 2, b: 0.6 }, // alternative and hidden labels
  { weight: 1, b: 0.75 }, // description
];
export const SKILL_FIELDS: readonly FieldSpec[] = [
  { weight: 1, b: 0.75 }, // essential skills' labels and synonyms
  { weight: 0.5, b: 0.75 }, // optional skills' labels and synonyms
];

export const MAX_SPAN_TERMS = 6;

export type TextIndex = {
  version: number;
  roles: RoleIndex;
  /** BM25F over the role's own labels and description. */
  bm25f: Bm25fIndex;
  /** BM25F over the labels and synonyms of the role's skills. */
  skillsBm25f: Bm25fIndex;
  /** Per role: the terms of its own labels, to say which words of a text named the role. */
  roleLabelTerms: Set<string>[];
  /** Stemmed content terms of a skill label, joined by spaces -> the skill (preferred labels win). */
  spans: Map<string, number>;
};

const cache = new WeakMap<Db, Promise<TextIndex>>();

export async function getTextIndex(db: Db): Promise<TextIndex> {
  const roles = await getRoleIndex(db);
  const cached = cache.get(db);
  if (cached) {
    const index = await cached.catch(() => undefined);
    if (index && index.version === roles.version) return index;
  }
  const building = loadTextIndex(db, roles);
  cache.set(db, building);
  return building;
}

async function loadTextIndex(db: Db, roles: RoleIndex): Promise<TextIndex> {
  const { roleFields, spans } = await loadRoleTexts(db, roles);
  return {
    version: roles.version,
    roles,
    bm25f: buildBm25f(roleFields.map((f) => f.slice(0, 3)), ROLE_FIELDS),
    skillsBm25f: buildBm25f(roleFields.map((f) => f.slice(3, 5)), SKILL_FIELDS),
    roleLabelTerms: roleFields.map((f) => new Set([...(f[0] ?? []), ...(f[1] ?? [])])),
    spans,
  };
}

/**
 * Each role's terms per field (in ROLE_FIELDS order, aligned with roles.roleIds) and the skill-label
 * dictionary. The evaluation builds its baselines from the same fields.
 */
export async function loadRoleTexts(db: Db, roles: RoleIndex): Promise<{ roleFields: string[][][]; spans: Map<string, number> }> {
  const labels = await queryRows<{ concept_id: string; label: string; label_kind: string }>(
    db,
    sql`select concept_id, label, label_kind from concept_labels order by concept_id, case label_kind when 'preferred' then 0 when 'alt' then 1 else 2 end, id`,
  );
  const descriptions = await queryRows<{ id: string; descriptions: Record<string, string> | string }>(
    db,
    sql`select id, descriptions from concepts where kind = 'role'`,
  );
  const skillTerms: string[][] = roles.skillIds.map(() => []);
  const roleFields: string[][][] = roles.roleIds.map(() => [[], [], [], [], []]);
  const spans = new Map<string, number>();
  const spanIsPreferred = new Set<string>();
  for (const row of labels) {
    const words = terms(row.label);
    if (words.length === 0) continue;
    const role = roles.roleOf.get(row.concept_id);
    if (role !== undefined) {
      roleFields[role]?.[row.label_kind === "preferred" ? 0 : 1]?.push(...words);
      continue;
    }
    const skill = roles.skillOf.get(row.concept_id);
    if (skill === undefined) continue;
    skillTerms[skill]?.push(...words);
    if (words.length > MAX_SPAN_TERMS) continue;
    const key = words.join(" ");
    const preferred = row.label_kind === "preferred";
    // A preferred label names its skill over any other skill's synonym of the same words.
    if (!spans.has(key) || (preferred && !spanIsPreferred.has(key))) {
      spans.set(key, skill);
      if (preferred) spanIsPreferred.add(key);
    }
  }
  for (const row of descriptions) {
    const role = roles.roleOf.get(row.id);
    if (role === undefined) continue;
    const value = typeof row.descriptions === "string" ? (JSON.parse(row.descriptions) as Record<string, string>) : row.descriptions;
    roleFields[role]?.[2]?.push(...Object.values(value).flatMap((d) => terms(d)));
  }
  roles.links.forEach((links, role) => {
    for (const link of links) roleFields[role]?.[link.essential ? 3 : 4]?.push(...(skillTerms[link.skill] ?? []));
  });
  return { roleFields, spans };
}
