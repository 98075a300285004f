// The same label documents in two well-kept search libraries, for the engine comparison in
// `npm run bench -- search`. Each answers with concept ids, best first, like the taxonomy index.
import { Charset, Index } from "flexsearch";
import MiniSearch from "minisearch";
import { allowedEdits } from "@/server/taxonomy/index/edit-distance";
import { foldText } from "@/server/taxonomy/fold";
import type { LabelRow } from "./search-queries";

export type Engine = { name: string; search: (q: string, type: "skill" | "role", limit: number) => string[] };

const topConcepts = (labelIds: Iterable<number>, rows: LabelRow[], limit: number) => {
  const out: string[] = [];
  for (const id of labelIds) {
    const c = rows[id]?.concept_id;
    if (c && !out.includes(c)) out.push(c);
    if (out.length >= limit) break;
  }
  return out;
};

/** MiniSearch: BM25 with prefix search and Levenshtein fuzziness (1 edit from 4 letters, 2 from 8), all words required. */
export function miniSearchEngine(rows: LabelRow[]): Engine {
  const byKind = { skill: new MiniSearch<{ id: number; text: string }>({ fields: ["text"] }), role: new MiniSearch<{ id: number; text: string }>({ fields: ["text"] }) };
  rows.forEach((r, id) => byKind[r.kind].add({ id, text: foldText(r.label) }));
  return {
    name: "minisearch",
    search: (q, type, limit) => {
      const hits = byKind[type].search(foldText(q), { prefix: true, fuzzy: (term) => allowedEdits(term.length) / Math.max(1, term.length), combineWith: "AND" });
      return topConcepts(hits.map((h) => h.id as number), rows, limit);
    },
  };
}

/** FlexSearch: forward (prefix) tokenizer with its balanced Latin encoder; `suggest` relaxes missing words. */
export function flexSearchEngine(rows: LabelRow[]): Engine {
  const byKind = { skill: new Index({ tokenize: "forward", encoder: Charset.LatinBalance }), role: new Index({ tokenize: "forward", encoder: Charset.LatinBalance }) };
  rows.forEach((r, id) => byKind[r.kind].add(id, foldText(r.label)));
  return {
    name: "flexsearch",
    search: (q, type, limit) => topConcepts(byKind[type].search(foldText(q), { limit: limit * 8, suggest: true }) as number[], rows, limit),
  };
}
