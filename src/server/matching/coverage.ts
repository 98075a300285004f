// Which taxonomy skills a set of user skills covers, and how strongly: the user's own skills exactly
// (strength 1) and their embedding neighbours (partial credit).
import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { queryRows } from "@/server/db/rows";
import type { Embedder } from "@/server/embeddings/types";
import { labelsFor } from "./labels";
import { uuidArray, vectorLiteral } from "./sql";
import type { MatchLang, UserSkillInput } from "./types";

/** Below this cosine similarity two skills are different skills. Tuned with `npm run eval:match`. */
export const SIMILARITY_THRESHOLD = 0.72;
/** A near skill never counts as much as the skill itself. */
export const NEAR_STRENGTH_CAP = 0.95;
const HNSW_EF_SEARCH = 20;
/** Neighbours looked up per user skill (HNSW kNN). */
export const NEIGHBOURS_PER_SKILL = 8;

export type Cover = { strength: number; byLabel: string; userSkill: UserSkillInput };
export type Coverage = {
  /** taxonomy skill id -> the user skill covering it best */
  bySkill: Map<string, Cover>;
  /** The user's taxonomy skills (exact), for excluding them from suggestions. */
  ownIds: Set<string>;
  /** Display label of each user skill, same order as the input. */
  userLabels: string[];
  /** Vector of each user skill, same order as the input. */
  vectors: number[][];
};

/** Drops duplicates (same concept, or same custom label ignoring case). */
export function dedupeSkills(skills: readonly UserSkillInput[]): UserSkillInput[] {
  const seen = new Set<string>();
  const out: UserSkillInput[] = [];
  for (const skill of skills) {
    const key = skill.conceptId !== undefined ? `c:${skill.conceptId}` : `l:${skill.customLabel.trim().toLowerCase()}`;
    if (skill.conceptId === undefined && !skill.customLabel.trim()) continue;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(skill);
  }
  return out;
}

export async function coverSkills(
  db: Db,
  p: { skills: readonly UserSkillInput[]; lang: MatchLang; embedder: Embedder; neighbours?: number },
): Promise<Coverage> {
  const conceptIds = p.skills.flatMap((s) => (s.conceptId ? [s.conceptId] : []));
  const labels = await labelsFor(db, conceptIds, p.lang);
  const userLabels = p.skills.map((s) => (s.conceptId !== undefined ? (labels.get(s.conceptId) ?? s.conceptId) : s.customLabel.trim()));

  // Taxonomy skills use their stored vectors; custom labels (and skills not embedded yet) are embedded now.
  const stored = new Map<string, number[]>();
  if (conceptIds.length > 0) {
    const rows = await queryRows<{ concept_id: string; embedding: string | number[] }>(
      db,
      sql`select concept_id, embedding from concept_embeddings
          where model = ${p.embedder.model} and concept_id = any(${uuidArray(conceptIds)})`,
    );
    for (const row of rows) stored.set(row.concept_id, parseVector(row.embedding));
  }
  const toEmbed: number[] = [];
  p.skills.forEach((s, i) => {
    if (!s.conceptId || !stored.has(s.conceptId)) toEmbed.push(i);
  });
  const embedded = toEmbed.length > 0 ? await p.embedder.embed(toEmbed.map((i) => userLabels[i] ?? "")) : [];
  const fresh = new Map<number, number[]>();
  toEmbed.forEach((skillIndex, k) => fresh.set(skillIndex, embedded[k] ?? []));
  const vectors = p.skills.map((s, i) => (s.conceptId && stored.get(s.conceptId)) || fresh.get(i) || []);

  const bySkill = new Map<string, Cover>();
  const offer = (skillId: string, cover: Cover) => {
    const current = bySkill.get(skillId);
    if (!current || cover.strength > current.strength) bySkill.set(skillId, cover);
  };
  p.skills.forEach((s, i) => {
    if (s.conceptId) offer(s.conceptId, { strength: 1, byLabel: userLabels[i] ?? "", userSkill: s });
  });

  const neighbours = await nearestSkills(db, { vectors, model: p.embedder.model, k: p.neighbours ?? NEIGHBOURS_PER_SKILL });
  for (const n of neighbours) {
    const skill = p.skills[n.index];
    if (!skill || n.similarity < SIMILARITY_THRESHOLD) continue;
    if (skill.conceptId === n.conceptId) continue;
    const strength = Math.min(NEAR_STRENGTH_CAP, Math.round(n.similarity * 100) / 100);
    offer(n.conceptId, { strength, byLabel: userLabels[n.index] ?? "", userSkill: skill });
  }
  return { bySkill, ownIds: new Set(conceptIds), userLabels, vectors };
}

/** HNSW kNN over skill vectors, one lateral query for all user skills. */
export async function nearestSkills(
  db: Db,
  p: { vectors: readonly number[][]; model: string; k: number },
): Promise<{ index: number; conceptId: string; similarity: number }[]> {
  const usable = p.vectors.map((v, index) => ({ v, index })).filter((x) => x.v.length > 0);
  if (usable.length === 0) return [];
  const values = sql.join(
    usable.map((x) => sql`(${x.index}::int, ${vectorLiteral(x.v)})`),
    sql`, `,
  );
  // The inner query is a bare HNSW index scan (ordered by distance, model filtered); roles share the
  // index, so it over-fetches and the outer query keeps skills only.
  // A smaller HNSW candidate list than the default 40: we keep few neighbours and only strong ones.
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`set local hnsw.ef_search = ${sql.raw(String(HNSW_EF_SEARCH))}`);
    return queryRows<{ idx: number; concept_id: string; similarity: number }>(
    tx as unknown as Db,
    sql`select q.idx, n.concept_id, 1 - n.distance as similarity from (values ${values}) as q(idx, v)
        cross join lateral (
          select e.concept_id, e.embedding <=> q.v as distance from concept_embeddings e
          where e.model = ${p.model}
          order by e.embedding <=> q.v limit ${p.k * 2}
        ) n
        join concepts c on c.id = n.concept_id and c.kind = 'skill'`,
  );
  });
  const kept = new Map<number, number>();
  const out: { idx: number; concept_id: string; similarity: number }[] = [];
  for (const row of [...rows].sort((a, b) => Number(b.similarity) - Number(a.similarity))) {
    const count = kept.get(Number(row.idx)) ?? 0;
    if (count >= p.k) continue;
    kept.set(Number(row.idx), count + 1);
    out.push(row);
  }
  return out.map((r) => ({ index: Number(r.idx), conceptId: r.concept_id, similarity: Number(r.similarity) }));
}

export function parseVector(value: string | number[]): number[] {
  if (Array.isArray(value)) return value.map(Number);
  return value.replace(/^\[|\]$/g, "").split(",").filter(Boolean).map(Number);
}
