// Seed step: the built-in starter taxonomy, so a fresh machine has skills and roles to work with.
import "server-only";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { queryRows } from "@/server/db/rows";
import { toTaxonomyConcepts } from "@/server/taxonomy/starter";
import { upsertTaxonomy, type RoleSkillLink, type TaxonomyConcept, type UpsertTaxonomyResult } from "@/server/taxonomy/upsert";
import { log } from "@/server/log";

export type SeedStarterTaxonomyResult =
  | { status: "unchanged" }
  /** The database holds an ESCO import and no starter concepts: the import owns the taxonomy. */
  | { status: "skipped-esco" }
  | { status: "upserted"; result: UpsertTaxonomyResult };

/**
 * Loads the starter taxonomy when the database has none or an older version of it.
 * The check compares a fingerprint of the starter rows in the database with the data in the repo, so an
 * up-to-date database gets no writes at all (upsertTaxonomy alone would still rewrite the role links).
 */
export async function seedStarterTaxonomy(db: Db): Promise<SeedStarterTaxonomyResult> {
  const [counts] = await queryRows<{ starter: number; esco: number }>(
    db,
    sql`select count(*) filter (where source = 'starter')::int as starter, count(*) filter (where source = 'esco')::int as esco from concepts`,
  );
  if (counts && counts.starter === 0 && counts.esco > 0) return { status: "skipped-esco" };

  const { concepts, links } = toTaxonomyConcepts();
  if (counts && counts.starter > 0 && (await databaseFingerprint(db)) === fingerprint(concepts, links)) return { status: "unchanged" };

  const result = await upsertTaxonomy(db, { source: "starter", concepts, links, removeMissing: true });
  if (result.added + result.updated + result.removed > 0) {
    log.info("seed", `starter taxonomy: ${result.added} added, ${result.updated} updated, ${result.removed} removed, ${result.links} links`);
  }
  return { status: "upserted", result };
}

function digest(lines: string[]): string {
  return createHash("sha1").update(lines.sort().join("\n")).digest("hex");
}

function conceptLine(uri: string, kind: string, skillType: string | null, iscoCode: string | null, descriptions: Record<string, string | undefined>): string {
  const description = Object.entries(descriptions)
    .filter(([, text]) => text)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(["c", uri, kind, skillType, iscoCode, description]);
}

/** The starter data as the upsert would store it (its labels are already clean and unique per concept). */
function fingerprint(concepts: TaxonomyConcept[], links: RoleSkillLink[]): string {
  const lines: string[] = [];
  for (const c of concepts) {
    lines.push(conceptLine(c.uri, c.kind, c.skillType ?? null, c.iscoCode ?? null, c.descriptions));
    for (const l of c.labels) lines.push(JSON.stringify(["l", c.uri, l.lang, l.labelKind, l.label]));
  }
  for (const l of links) lines.push(JSON.stringify(["r", l.roleUri, l.skillUri, l.relation]));
  return digest(lines);
}

async function databaseFingerprint(db: Db): Promise<string> {
  const concepts = await queryRows<{
    uri: string;
    kind: string;
    skill_type: string | null;
    isco_code: string | null;
    descriptions: Record<string, string> | string | null;
  }>(db, sql`select uri, kind, skill_type, isco_code, descriptions from concepts where source = 'starter'`);
  const labels = await queryRows<{ uri: string; lang: string; label_kind: string; label: string }>(
    db,
    sql`select c.uri, l.lang, l.label_kind, l.label from concept_labels l join concepts c on c.id = l.concept_id where c.source = 'starter'`,
  );
  const links = await queryRows<{ role_uri: string; skill_uri: string; relation: string }>(
    db,
    sql`select r.uri as role_uri, s.uri as skill_uri, rs.relation from role_skills rs
        join concepts r on r.id = rs.role_id join concepts s on s.id = rs.skill_id where r.source = 'starter'`,
  );
  const lines: string[] = [];
  for (const c of concepts) {
    const descriptions = typeof c.descriptions === "string" ? (JSON.parse(c.descriptions) as Record<string, string>) : (c.descriptions ?? {});
    lines.push(conceptLine(c.uri, c.kind, c.skill_type, c.isco_code, descriptions));
  }
  for (const l of labels) lines.push(JSON.stringify(["l", l.uri, l.lang, l.label_kind, l.label]));
  for (const l of links) lines.push(JSON.stringify(["r", l.role_uri, l.skill_uri, l.relation]));
  return digest(lines);
}
