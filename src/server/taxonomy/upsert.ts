// The one write path into the taxonomy tables (starter data and ESCO imports).
import "server-only";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { queryRows } from "@/server/db/rows";
import { cleanLabel, normalizeLabel } from "./normalize";
import { bumpTaxonomyVersion } from "./version";

export type LabelKind = "preferred" | "alt" | "hidden";
export type TaxonomySource = "starter" | "esco";

export type TaxonomyConcept = {
  uri: string;
  kind: "skill" | "role";
  skillType?: string;
  iscoCode?: string;
  descriptions: { en?: string; nb?: string };
  labels: { lang: string; labelKind: LabelKind; label: string }[];
};

export type RoleSkillLink = { roleUri: string; skillUri: string; relation: "essential" | "optional" };
/** ESCO skillSkillRelations: `relatedUri` is related to `skillUri`. */
export type SkillRelation = { skillUri: string; relatedUri: string; relation: "essential" | "optional" };

export type UpsertTaxonomyInput = {
  source: TaxonomySource;
  concepts: AsyncIterable<TaxonomyConcept> | Iterable<TaxonomyConcept>;
  links: Iterable<RoleSkillLink> | AsyncIterable<RoleSkillLink>;
  /** When given, replaces the related-skill relations of every skill in the input. */
  skillRelations?: Iterable<SkillRelation> | AsyncIterable<SkillRelation>;
  /** Remove concepts of this source that the input no longer has (unless a user refers to them). */
  removeMissing: boolean;
  /** Called after each batch with the number of concepts + links processed so far. */
  onProgress?: (done: number) => void;
};

export type UpsertTaxonomyResult = {
  added: number;
  updated: number;
  removed: number;
  /** Missing from the input but kept because a user's skill, role or experience refers to them. */
  kept: number;
  /** Links the roles in the input now have (after de-duplication; unchanged ones are not rewritten). */
  links: number;
  /** Links naming a concept URI that exists neither in the input nor in the database. */
  skippedLinks: number;
  /** Skill-to-skill relations the input's skills now have (0 when the input gives none). */
  skillRelations: number;
};

const CONCEPT_BATCH = 500;
const LABEL_BATCH = 2000;
const LINK_BATCH = 5000;
const labelKindRank: Record<LabelKind, number> = { preferred: 0, alt: 1, hidden: 2 };

type PreparedLabel = { lang: string; labelKind: LabelKind; label: string; normalized: string };
type PreparedConcept = {
  uri: string;
  kind: "skill" | "role";
  skillType: string | null;
  iscoCode: string | null;
  descriptions: Record<string, string>;
  labels: PreparedLabel[];
  hash: string;
};
type ExistingConcept = { id: string; source: TaxonomySource; hash: string };

/**
 * Upserts concepts by URI, replaces their labels and the links of the roles in the input, all in one
 * transaction: if anything throws (a bad input row, the database), the previous taxonomy stays as it was.
 * Unchanged concepts (same content hash) are not written, so a re-run reports 0 updated.
 */
export async function upsertTaxonomy(db: Db, input: UpsertTaxonomyInput): Promise<UpsertTaxonomyResult> {
  return db.transaction(async (tx) => {
    const result = await runUpsert(tx as unknown as Db, input);
    await bumpTaxonomyVersion(tx as unknown as Db);
    return result;
  });
}

async function runUpsert(db: Db, input: UpsertTaxonomyInput): Promise<UpsertTaxonomyResult> {
  const existing = await loadExisting(db);
  const ids = new Map<string, string>();
  for (const [uri, row] of existing) ids.set(uri, row.id);

  const seen = new Set<string>();
  const skillsInInput = new Set<string>();
  const rolesInInput = new Set<string>();
  let added = 0;
  let updated = 0;
  let done = 0;
  let pending: PreparedConcept[] = [];

  const flush = async () => {
    if (pending.length === 0) return;
    const written = await writeConcepts(db, pending, input.source, existing);
    for (const [uri, id] of written) ids.set(uri, id);
    pending = [];
  };

  for await (const concept of input.concepts) {
    const prepared = prepareConcept(concept, input.source);
    if (seen.has(prepared.uri)) throw new Error(`Concept ${prepared.uri} appears twice in the input`);
    seen.add(prepared.uri);
    if (prepared.kind === "role") rolesInInput.add(prepared.uri);
    else skillsInInput.add(prepared.uri);
    const before = existing.get(prepared.uri);
    done++;
    if (before?.hash === prepared.hash) continue;
    if (before) updated++;
    else added++;
    pending.push(prepared);
    if (pending.length >= CONCEPT_BATCH) {
      await flush();
      input.onProgress?.(done);
    }
  }
  await flush();
  input.onProgress?.(done);

  // Remove before linking, so that no link is written (and counted) to a concept about to go.
  let removed = 0;
  let kept = 0;
  if (input.removeMissing) {
    const missing = [...existing].filter(([uri, row]) => row.source === input.source && !seen.has(uri));
    const result = await removeConcepts(db, missing.map(([, row]) => row.id));
    for (const [uri, row] of missing) if (!result.keptIds.has(row.id)) ids.delete(uri);
    ({ removed, kept } = { removed: result.removed, kept: result.keptIds.size });
  }

  const { links, skippedLinks, processed } = await replaceLinks(db, input, ids, rolesInInput, done);
  input.onProgress?.(processed);
  const skillRelations = input.skillRelations ? await replaceSkillRelations(db, input.skillRelations, ids, skillsInInput) : 0;
  return { added, updated, removed, kept, links, skippedLinks, skillRelations };
}

function prepareConcept(concept: TaxonomyConcept, source: TaxonomySource): PreparedConcept {
  const uri = concept.uri.trim();
  if (!uri) throw new Error("A concept has an empty URI");
  const descriptions: Record<string, string> = {};
  for (const [lang, text] of Object.entries(concept.descriptions)) {
    const trimmed = text?.trim();
    if (trimmed) descriptions[lang] = trimmed;
  }
  // One label per language and normalized form; a preferred label beats the same text as a synonym.
  const byKey = new Map<string, PreparedLabel>();
  for (const raw of concept.labels) {
    const label = cleanLabel(raw.label);
    if (!label) continue;
    const lang = raw.lang.trim().toLowerCase();
    const normalized = normalizeLabel(label);
    const key = `${lang}\u0000${normalized}`;
    const other = byKey.get(key);
    if (!other || labelKindRank[raw.labelKind] < labelKindRank[other.labelKind]) {
      byKey.set(key, { lang, labelKind: raw.labelKind, label, normalized });
    }
  }
  const labels = [...byKey.values()];
  const skillType = concept.skillType?.trim() || null;
  const iscoCode = concept.iscoCode?.trim() || null;
  return {
    uri,
    kind: concept.kind,
    skillType,
    iscoCode,
    descriptions,
    labels,
    hash: contentHash(concept.kind, skillType, iscoCode, source, descriptions, labels),
  };
}

function contentHash(
  kind: string,
  skillType: string | null,
  iscoCode: string | null,
  source: string,
  descriptions: Record<string, string>,
  labels: { lang: string; labelKind: string; label: string }[],
): string {
  const description = Object.entries(descriptions)
    .filter(([, text]) => text)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const labelKeys = labels.map((l) => `${l.lang}\u0000${l.labelKind}\u0000${l.label}`).sort();
  return createHash("sha1").update(JSON.stringify([kind, skillType, iscoCode, source, description, labelKeys])).digest("hex");
}

async function loadExisting(db: Db): Promise<Map<string, ExistingConcept>> {
  const concepts = await queryRows<{
    id: string;
    uri: string;
    kind: string;
    skill_type: string | null;
    isco_code: string | null;
    source: TaxonomySource;
    descriptions: Record<string, string> | string | null;
  }>(db, sql`select id, uri, kind, skill_type, isco_code, source, descriptions from concepts`);
  const labels = await queryRows<{ concept_id: string; lang: string; label_kind: string; label: string }>(
    db,
    sql`select concept_id, lang, label_kind, label from concept_labels`,
  );
  const labelsOf = new Map<string, { lang: string; labelKind: string; label: string }[]>();
  for (const l of labels) {
    let list = labelsOf.get(l.concept_id);
    if (!list) labelsOf.set(l.concept_id, (list = []));
    list.push({ lang: l.lang, labelKind: l.label_kind, label: l.label });
  }
  const result = new Map<string, ExistingConcept>();
  for (const c of concepts) {
    const descriptions = typeof c.descriptions === "string" ? (JSON.parse(c.descriptions) as Record<string, string>) : (c.descriptions ?? {});
    const hash = contentHash(c.kind, c.skill_type, c.isco_code, c.source, descriptions, labelsOf.get(c.id) ?? []);
    result.set(c.uri, { id: c.id, source: c.source, hash });
  }
  return result;
}

/** Inserts or updates one batch of concepts and replaces their labels; returns uri -> id. */
async function writeConcepts(
  db: Db,
  batch: PreparedConcept[],
  source: TaxonomySource,
  existing: Map<string, ExistingConcept>,
): Promise<Map<string, string>> {
  const rows = batch.map((c) => ({
    uri: c.uri,
    kind: c.kind,
    skill_type: c.skillType,
    isco_code: c.iscoCode,
    source,
    descriptions: c.descriptions,
  }));
  const written = await queryRows<{ id: string; uri: string }>(
    db,
    sql`insert into concepts (uri, kind, skill_type, isco_code, source, descriptions)
        select uri, kind, skill_type, isco_code, source, descriptions
        from json_to_recordset(${JSON.stringify(rows)}::json)
          as x(uri text, kind text, skill_type text, isco_code text, source text, descriptions jsonb)
        on conflict (uri) do update set
          kind = excluded.kind, skill_type = excluded.skill_type, isco_code = excluded.isco_code,
          source = excluded.source, descriptions = excluded.descriptions, updated_at = now()
        returning id, uri`,
  );
  const ids = new Map(written.map((r) => [r.uri, r.id]));
  const changedIds = batch.filter((c) => existing.has(c.uri)).map((c) => ids.get(c.uri));
  if (changedIds.length > 0) {
    await db.execute(
      sql`delete from concept_labels where concept_id in (select value::uuid from json_array_elements_text(${JSON.stringify(changedIds)}::json))`,
    );
  }
  let labelRows: Record<string, string>[] = [];
  for (const c of batch) {
    const conceptId = ids.get(c.uri);
    if (!conceptId) throw new Error(`Concept ${c.uri} was not written`);
    for (const l of c.labels) {
      labelRows.push({ concept_id: conceptId, kind: c.kind, lang: l.lang, label_kind: l.labelKind, label: l.label, normalized: l.normalized });
      if (labelRows.length >= LABEL_BATCH) {
        await insertLabels(db, labelRows);
        labelRows = [];
      }
    }
  }
  await insertLabels(db, labelRows);
  return ids;
}

async function insertLabels(db: Db, rows: Record<string, string>[]): Promise<void> {
  if (rows.length === 0) return;
  await db.execute(
    sql`insert into concept_labels (concept_id, kind, lang, label_kind, label, normalized)
        select concept_id, kind, lang, label_kind, label, normalized
        from json_to_recordset(${JSON.stringify(rows)}::json)
          as x(concept_id uuid, kind text, lang text, label_kind text, label text, normalized text)`,
  );
}

/**
 * Replaces the links of every role in the input (as a concept or in a link) with the input's links.
 * A pair listed twice keeps "essential" if either says so.
 */
async function replaceLinks(
  db: Db,
  input: UpsertTaxonomyInput,
  ids: Map<string, string>,
  rolesInInput: Set<string>,
  doneBefore: number,
): Promise<{ links: number; skippedLinks: number; processed: number }> {
  const wanted = new Map<string, { role_id: string; skill_id: string; relation: "essential" | "optional" }>();
  const roleIds = new Set<string>();
  for (const uri of rolesInInput) {
    const id = ids.get(uri);
    if (id) roleIds.add(id);
  }
  let skippedLinks = 0;
  let processed = doneBefore;
  for await (const link of input.links) {
    processed++;
    const roleId = ids.get(link.roleUri.trim());
    const skillId = ids.get(link.skillUri.trim());
    if (!roleId || !skillId) {
      skippedLinks++;
      continue;
    }
    roleIds.add(roleId);
    const key = `${roleId}|${skillId}`;
    const before = wanted.get(key);
    if (!before || (before.relation === "optional" && link.relation === "essential")) {
      wanted.set(key, { role_id: roleId, skill_id: skillId, relation: link.relation });
    }
  }
  // Write only the difference, so a re-run of the same import touches no link rows.
  const roleList = [...roleIds];
  const stale: { role_id: string; skill_id: string }[] = [];
  const unchanged = new Set<string>();
  for (let i = 0; i < roleList.length; i += LINK_BATCH) {
    const chunk = JSON.stringify(roleList.slice(i, i + LINK_BATCH));
    const current = await queryRows<{ role_id: string; skill_id: string; relation: string }>(
      db,
      sql`select role_id, skill_id, relation from role_skills where role_id in (select value::uuid from json_array_elements_text(${chunk}::json))`,
    );
    for (const link of current) {
      const key = `${link.role_id}|${link.skill_id}`;
      if (wanted.get(key)?.relation === link.relation) unchanged.add(key);
      else stale.push({ role_id: link.role_id, skill_id: link.skill_id });
    }
  }
  for (let i = 0; i < stale.length; i += LINK_BATCH) {
    await db.execute(
      sql`delete from role_skills r using json_to_recordset(${JSON.stringify(stale.slice(i, i + LINK_BATCH))}::json) as x(role_id uuid, skill_id uuid)
          where r.role_id = x.role_id and r.skill_id = x.skill_id`,
    );
  }
  const rows = [...wanted].filter(([key]) => !unchanged.has(key)).map(([, row]) => row);
  for (let i = 0; i < rows.length; i += LINK_BATCH) {
    await db.execute(
      sql`insert into role_skills (role_id, skill_id, relation)
          select role_id, skill_id, relation
          from json_to_recordset(${JSON.stringify(rows.slice(i, i + LINK_BATCH))}::json)
            as x(role_id uuid, skill_id uuid, relation text)`,
    );
  }
  return { links: wanted.size, skippedLinks, processed };
}

/** Replaces the related-skill relations of the input's skills with the given ones. */
async function replaceSkillRelations(
  db: Db,
  relations: Iterable<SkillRelation> | AsyncIterable<SkillRelation>,
  ids: Map<string, string>,
  skillsInInput: Set<string>,
): Promise<number> {
  const wanted = new Map<string, { skill_id: string; related_skill_id: string; relation: string }>();
  for await (const r of relations) {
    const skillId = ids.get(r.skillUri.trim());
    const relatedId = ids.get(r.relatedUri.trim());
    if (!skillId || !relatedId || skillId === relatedId) continue;
    const key = `${skillId}|${relatedId}`;
    if (!wanted.has(key) || r.relation === "essential") wanted.set(key, { skill_id: skillId, related_skill_id: relatedId, relation: r.relation });
  }
  const skillIds = [...skillsInInput].flatMap((uri) => ids.get(uri) ?? []);
  for (let i = 0; i < skillIds.length; i += LINK_BATCH) {
    const chunk = JSON.stringify(skillIds.slice(i, i + LINK_BATCH));
    await db.execute(sql`delete from skill_relations where skill_id in (select value::uuid from json_array_elements_text(${chunk}::json))`);
  }
  const rows = [...wanted.values()];
  for (let i = 0; i < rows.length; i += LINK_BATCH) {
    await db.execute(
      sql`insert into skill_relations (skill_id, related_skill_id, relation)
          select skill_id, related_skill_id, relation
          from json_to_recordset(${JSON.stringify(rows.slice(i, i + LINK_BATCH))}::json) as x(skill_id uuid, related_skill_id uuid, relation text)
          on conflict do nothing`,
    );
  }
  return rows.length;
}

/** Deletes the given concepts except those a user's skill, role or experience refers to. */
async function removeConcepts(db: Db, candidateIds: string[]): Promise<{ removed: number; keptIds: Set<string> }> {
  if (candidateIds.length === 0) return { removed: 0, keptIds: new Set() };
  const list = JSON.stringify(candidateIds);
  const referenced = await queryRows<{ id: string }>(
    db,
    sql`with c as (select value::uuid as id from json_array_elements_text(${list}::json))
        select id from c where exists (select 1 from user_skills s where s.concept_id = c.id)
          or exists (select 1 from user_roles r where r.concept_id = c.id)
          or exists (select 1 from experiences e where e.role_concept_id = c.id)`,
  );
  const keep = new Set(referenced.map((r) => r.id));
  const doomed = candidateIds.filter((id) => !keep.has(id));
  for (let i = 0; i < doomed.length; i += LINK_BATCH) {
    const chunk = JSON.stringify(doomed.slice(i, i + LINK_BATCH));
    await db.execute(sql`delete from concepts where id in (select value::uuid from json_array_elements_text(${chunk}::json))`);
  }
  return { removed: doomed.length, keptIds: keep };
}
