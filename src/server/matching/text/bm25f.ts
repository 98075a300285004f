// BM25F over fielded documents (Robertson & Zaragoza): each field's term frequency is normalised by
// that field's length, weighted, summed, then saturated once. Postings hold the summed, normalised
// frequency, so a query only walks the postings of its own terms.

import "server-only";

export type FieldSpec = { weight: number; b: number };
export type FieldedDoc = string[][]; // one term list per field, in the order of the specs

export type Bm25fIndex = {
  postings: Map<string, { doc: Int32Array; tf: Float32Array }>;
  idf: Map<string, number>;
  docs: number;
  k1: number;
};

export function buildBm25f(docs: readonly FieldedDoc[], fields: readonly FieldSpec[], k1 = 1.2): Bm25fIndex {
  const avg = fields.map((_, f) => docs.reduce((s, d) => s + (d[f]?.length ?? 0), 0) / Math.max(1, docs.length) || 1);
  const lists = new Map<string, { doc: number[]; tf: number[] }>();
  docs.forEach((doc, id) => {
    const weighted = new Map<string, number>();
    fields.forEach((spec, f) => {
      const words = doc[f] ?? [];
      if (words.length === 0) return;
      const norm = 1 - spec.b + (spec.b * words.length) / (avg[f] ?? 1);
      const counts = new Map<string, number>();
      for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
      for (const [w, c] of counts) weighted.set(w, (weighted.get(w) ?? 0) + (spec.weight * c) / norm);
    });
    for (const [w, tf] of weighted) {
      const list = lists.get(w) ?? { doc: [], tf: [] };
      list.doc.push(id);
      list.tf.push(tf);
      lists.set(w, list);
    }
  });
  const postings = new Map<string, { doc: Int32Array; tf: Float32Array }>();
  const idf = new Map<string, number>();
  for (const [w, list] of lists) {
    postings.set(w, { doc: Int32Array.from(list.doc), tf: Float32Array.from(list.tf) });
    const df = list.doc.length;
    idf.set(w, Math.log(1 + (docs.length - df + 0.5) / (df + 0.5)));
  }
  return { postings, idf, docs: docs.length, k1 };
}

/** Scores of the documents sharing a term with the query; repeated query terms count more. */
export function scoreBm25f(index: Bm25fIndex, query: readonly string[]): Map<number, number> {
  const qtf = new Map<string, number>();
  for (const t of query) qtf.set(t, (qtf.get(t) ?? 0) + 1);
  const scores = new Map<number, number>();
  for (const [t, q] of qtf) {
    const list = index.postings.get(t);
    const idf = index.idf.get(t) ?? 0;
    if (!list || idf <= 0) continue;
    // Query-side saturation: a word said ten times in a long text is not ten times the evidence.
    const qw = (q * (index.k1 + 1)) / (q + index.k1);
    for (let i = 0; i < list.doc.length; i++) {
      const tf = list.tf[i] ?? 0;
      const doc = list.doc[i] ?? 0;
      scores.set(doc, (scores.get(doc) ?? 0) + (qw * idf * tf * (index.k1 + 1)) / (tf + index.k1));
    }
  }
  return scores;
}

/** The `k` best documents, best first. */
export function topK(scores: Map<number, number>, k: number): { doc: number; score: number }[] {
  return [...scores.entries()]
    .map(([doc, score]) => ({ doc, score }))
    .sort((a, b) => b.score - a.score || a.doc - b.doc)
    .slice(0, k);
}
