// Keeps concept_embeddings in step with the taxonomy.
import "server-only";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { queryRows } from "@/server/db/rows";
import { bumpTaxonomyVersion } from "@/server/taxonomy/version";
import type { Embedder } from "./types";

export type EmbedProgress = { done: number; total: number };
export type EmbedConceptsResult = { total: number; embedded: number; unchanged: number; model: string };

const BATCH = 512;
/** Long synonym lists add little after the first few dozen words; this also bounds tokens per input. */
const MAX_TEXT_CHARS = 2000;

/**
 * The text a concept is embedded from: its preferred and alternative labels in Norwegian and
 * English, preferred first, so a query in either language and any synonym lands near it.
 */
export function conceptText(labels: { lang: string; labelKind: string; label: string }[]): string {
  const rank = (l: { lang: string; labelKind: string }) => (l.labelKind === "preferred" ? 0 : 1) * 10 + (l.lang === "nb" ? 0 : 1);
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const l of [...labels].sort((a, b) => rank(a) - rank(b) || a.label.localeCompare(b.label))) {
    const key = l.label.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    parts.push(l.label);
  }
  return parts.join("; ").slice(0, MAX_TEXT_CHARS);
}

export function contentHashOf(model: string, text: string): string {
  return createHash("sha256").update(`${model}\u0000${text}`).digest("hex").slice(0, 32);
}

/**
 * Embeds every concept whose label text changed since its last embedding under this model.
 * A re-run with nothing changed makes no embedder call at all.
 */
export async function embedConcepts(
  db: Db,
  embedder: Embedder,
  options: { onProgress?: (p: EmbedProgress) => void; batchSize?: number } = {},
): Promise<EmbedConceptsResult> {
  const labels = await queryRows<{ concept_id: string; lang: string; label_kind: string; label: string }>(
    db,
    sql`select concept_id, lang, label_kind, label from concept_labels
        where label_kind in ('preferred', 'alt') and lang in ('nb', 'en')`,
  );
  const byConcept = new Map<string, { lang: string; labelKind: string; label: string }[]>();
  for (const l of labels) {
    let list = byConcept.get(l.concept_id);
    if (!list) byConcept.set(l.concept_id, (list = []));
    list.push({ lang: l.lang, labelKind: l.label_kind, label: l.label });
  }
  const existing = await queryRows<{ concept_id: string; content_hash: string }>(
    db,
    sql`select concept_id, content_hash from concept_embeddings where model = ${embedder.model}`,
  );
  const hashOf = new Map(existing.map((r) => [r.concept_id, r.content_hash]));

  const todo: { conceptId: string; text: string; hash: string }[] = [];
  for (const [conceptId, list] of byConcept) {
    const text = conceptText(list);
    const hash = contentHashOf(embedder.model, text);
    if (hashOf.get(conceptId) !== hash) todo.push({ conceptId, text, hash });
  }

  const total = todo.length;
  const batchSize = options.batchSize ?? BATCH;
  options.onProgress?.({ done: 0, total });
  for (let i = 0; i < todo.length; i += batchSize) {
    const batch = todo.slice(i, i + batchSize);
    const vectors = await embedder.embed(batch.map((t) => t.text));
    if (vectors.length !== batch.length) throw new Error(`The embedder returned ${vectors.length} vectors for ${batch.length} texts`);
    const rows = batch.map((t, j) => ({ concept_id: t.conceptId, content_hash: t.hash, embedding: `[${(vectors[j] ?? []).join(",")}]` }));
    await db.execute(
      sql`insert into concept_embeddings (concept_id, model, content_hash, embedding)
          select concept_id, ${embedder.model}, content_hash, embedding::vector
          from json_to_recordset(${JSON.stringify(rows)}::json) as x(concept_id uuid, content_hash text, embedding text)
          on conflict (concept_id, model) do update set
            content_hash = excluded.content_hash, embedding = excluded.embedding, updated_at = now()`,
    );
    options.onProgress?.({ done: Math.min(total, i + batch.length), total });
  }
  if (total > 0) await bumpTaxonomyVersion(db);
  return { total: byConcept.size, embedded: total, unchanged: byConcept.size - total, model: embedder.model };
}
