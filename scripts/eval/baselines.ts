// The strongest lexical baselines, on the same data and tokenizer as the system, in the same run:
// BM25 over each occupation's labels (preferred, alternative, hidden) and description, and BM25 over
// its skills' preferred AND alternative labels.
import { buildBm25f, scoreBm25f, topK } from "@/server/matching/text/bm25f";
import { terms } from "@/server/matching/text/terms";
import type { TextIndex } from "@/server/matching/text/text-index";

export type Ranker = (query: string, k: number) => string[];

export function bm25Baselines(index: TextIndex, roleFields: string[][][]): Record<"bm25_labels_description" | "bm25_skill_labels", Ranker> {
  const flat = (fields: number[]) => roleFields.map((f) => [fields.flatMap((i) => f[i] ?? [])]);
  const make = (docs: string[][][]): Ranker => {
    const bm25 = buildBm25f(docs, [{ weight: 1, b: 0.75 }]);
    return (query, k) => topK(scoreBm25f(bm25, terms(query)), k).map((d) => index.roles.roleIds[d.doc] ?? "");
  };
  return { bm25_labels_description: make(flat([0, 1, 2])), bm25_skill_labels: make(flat([3, 4])) };
}
