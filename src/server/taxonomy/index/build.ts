// Builds the in-memory taxonomy index from the database: every concept, every label in every
// language (hidden labels match but are never shown), per-kind word dictionaries and ESCO's
// related-skill pairs. Role -> skill links are not held here: matching keeps its own role index.
import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { queryRows } from "@/server/db/rows";
import { displayLabel, type DisplayLabelCandidate } from "../display-label";
import { foldBoth } from "../fold";
import { TaxonomyIndex, WordDictionary, type SortedLabels } from "./taxonomy-index";
import type { ConceptKind, ConceptRelations, IndexedConcept, IndexedLabelKind } from "./types";

// The taxonomy arrives as one JSON array of one string per concept: its id, uri and kind split by
// UNIT, then each label as RECORD + lang + UNIT + first letter of its kind + text. Row by row, or as
// nested JSON, the embedded driver spends most of the build decoding; and one string per concept
// (not one for all) keeps ASCII labels in V8's compact one-byte strings. Labels hold no control
// characters (cleanLabel turns them into spaces), so the separators cannot occur inside one.
const RECORD = "\u001e";
const UNIT = "\u001f";
const labelKindByLetter: Record<string, IndexedLabelKind> = { p: "preferred", a: "alt", h: "hidden" };
const labelKindCode: Record<IndexedLabelKind, number> = { preferred: 0, alt: 1, hidden: 2 };

export async function buildTaxonomyIndex(db: Db, version: number): Promise<TaxonomyIndex> {
  const [packed] = await queryRows<{ taxonomy: string[] | string | null }>(
    db,
    sql`select json_agg(c.id::text || ${UNIT} || c.uri || ${UNIT} || c.kind || g.labels order by c.uri) as taxonomy
        from concepts c
        join (select concept_id, string_agg(${RECORD} || lang || ${UNIT} || left(label_kind, 1) || label, '' order by id) as labels
              from concept_labels group by concept_id) g on g.concept_id = c.id`,
  );
  const value = packed?.taxonomy;
  const packedConcepts = (typeof value === "string" ? (JSON.parse(value) as string[]) : value) ?? [];

  const concepts: IndexedConcept[] = [];
  const position = new Map<string, number>();
  const labelConcept: number[] = [];
  const labelKind: number[] = [];
  const labelLang: string[] = [];
  const labelText: string[] = [];
  const labelFolded: string[] = [];
  const labelPlain: (string | undefined)[] = [];
  const words = { skill: new WordCollector(), role: new WordCollector() };

  for (const text of packedConcepts) {
    const end = text.length;
    const idEnd = text.indexOf(UNIT);
    const uriEnd = text.indexOf(UNIT, idEnd + 1);
    let label = text.indexOf(RECORD, uriEnd + 1);
    if (idEnd < 0 || uriEnd < 0 || label < 0) throw new Error("taxonomy index: unreadable concept");
    const kind = text.slice(uriEnd + 1, label) as ConceptKind;
    const concept: IndexedConcept = { id: text.slice(0, idEnd), uri: text.slice(idEnd + 1, uriEnd), kind, display: { nb: "", en: "" }, firstLabel: labelText.length, labelCount: 0 };
    const conceptAt = concepts.length;
    position.set(concept.id, conceptAt);
    concepts.push(concept);
    const dictionary = words[kind];
    const candidates: DisplayLabelCandidate[] = [];
    while (label >= 0 && label < end) {
      let next = text.indexOf(RECORD, label + 1);
      if (next < 0) next = end;
      const langEnd = text.indexOf(UNIT, label + 1);
      const lang = text.slice(label + 1, langEnd);
      const labelKindName = labelKindByLetter[text.charAt(langEnd + 1)] ?? "hidden";
      const raw = text.slice(langEnd + 2, next);
      const [folded, plain] = foldBoth(raw);
      const i = labelText.length;
      labelConcept.push(conceptAt);
      labelKind.push(labelKindCode[labelKindName]);
      labelLang.push(lang);
      labelText.push(raw);
      labelFolded.push(folded);
      labelPlain.push(plain === folded ? undefined : plain);
      dictionary.add(folded, i);
      if (plain !== folded) dictionary.add(plain, i);
      candidates.push({ lang, labelKind: labelKindName, label: raw });
      label = next < end ? next : -1;
    }
    concept.labelCount = candidates.length;
    concept.display = { nb: displayLabel(candidates, "nb") ?? concept.uri, en: displayLabel(candidates, "en") ?? concept.uri };
  }

  const kinds = Uint8Array.from(labelConcept, (c) => ((concepts[c] as IndexedConcept).kind === "skill" ? 0 : 1));
  return new TaxonomyIndex({
    version,
    concepts,
    position,
    labels: { concept: Int32Array.from(labelConcept), kind: Uint8Array.from(labelKind), lang: labelLang, text: labelText, folded: labelFolded, plain: labelPlain },
    dictionaries: { skill: words.skill.dictionary(), role: words.role.dictionary() },
    sortedLabels: { skill: sortedLabels(labelFolded, labelPlain, kinds, 0), role: sortedLabels(labelFolded, labelPlain, kinds, 1) },
    relations: await loadRelations(db, position),
  });
}

/** Words of one kind's labels as they are met: each word numbered once, (word, label) pairs in flat arrays. */
class WordCollector {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];
  private readonly lastLabel: number[] = [];
  private readonly pairWord: number[] = [];
  private readonly pairLabel: number[] = [];

  /** Every word of one folded label; a word twice in a label (or in both folded forms) counts once. */
  add(folded: string, label: number): void {
    for (let start = 0; start < folded.length; ) {
      let end = folded.indexOf(" ", start);
      if (end < 0) end = folded.length;
      if (end > start) {
        const word = folded.slice(start, end);
        let id = this.ids.get(word);
        if (id === undefined) {
          id = this.words.length;
          this.ids.set(word, id);
          this.words.push(word);
          this.lastLabel.push(-1);
        }
        if (this.lastLabel[id] !== label) {
          this.lastLabel[id] = label;
          this.pairWord.push(id);
          this.pairLabel.push(label);
        }
      }
      start = end + 1;
    }
  }

  /** The sorted dictionary; postings are views into one array, in label order. */
  dictionary(): WordDictionary {
    const order = this.words.map((_, id) => id).sort((a, b) => ((this.words[a] as string) < (this.words[b] as string) ? -1 : 1));
    const rank = new Int32Array(order.length);
    order.forEach((id, r) => (rank[id] = r));
    const offsets = new Int32Array(order.length + 1);
    for (const id of this.pairWord) {
      const r = (rank[id] as number) + 1;
      offsets[r] = (offsets[r] as number) + 1;
    }
    for (let r = 0; r < order.length; r++) offsets[r + 1] = (offsets[r + 1] as number) + (offsets[r] as number);
    const fill = offsets.slice(0, order.length);
    const all = new Int32Array(this.pairWord.length);
    for (let k = 0; k < this.pairWord.length; k++) {
      const r = rank[this.pairWord[k] as number] as number;
      all[fill[r] as number] = this.pairLabel[k] as number;
      fill[r] = (fill[r] as number) + 1;
    }
    return new WordDictionary(
      order.map((id) => this.words[id] as string),
      order.map((_, r) => all.subarray(offsets[r] as number, offsets[r + 1] as number)),
    );
  }
}

/** Labels of one kind by folded text (both folded forms), for whole-label prefix ranges. */
function sortedLabels(folded: string[], plain: (string | undefined)[], kinds: Uint8Array, kind: number): SortedLabels {
  const keys: string[] = [];
  const labels: number[] = [];
  for (let i = 0; i < folded.length; i++) {
    if (kinds[i] !== kind) continue;
    keys.push(folded[i] as string);
    labels.push(i);
    const p = plain[i];
    if (p !== undefined) {
      keys.push(p);
      labels.push(i);
    }
  }
  const order = Int32Array.from(keys, (_, k) => k).sort((a, b) => ((keys[a] as string) < (keys[b] as string) ? -1 : (keys[a] as string) > (keys[b] as string) ? 1 : a - b));
  return { texts: Array.from(order, (k) => keys[k] as string), labels: Int32Array.from(order, (k) => labels[k] as number) };
}

/** ESCO's related-skill pairs (a few thousand), by concept position. */
async function loadRelations(db: Db, position: Map<string, number>): Promise<ConceptRelations> {
  const [packed] = await queryRows<{ related: string | null }>(
    db,
    sql`select string_agg(skill_id::text || ${UNIT} || related_skill_id::text, ${RECORD}) as related from skill_relations`,
  );
  const relatedSkills = new Map<number, number[]>();
  const add = (from: number | undefined, to: number | undefined) => {
    if (from === undefined || to === undefined) return;
    let list = relatedSkills.get(from);
    if (!list) relatedSkills.set(from, (list = []));
    list.push(to);
  };
  for (const pair of packed?.related ? packed.related.split(RECORD) : []) {
    const [a, b] = pair.split(UNIT);
    // ESCO lists each pair once; relatedness is used both ways.
    add(position.get(a ?? ""), position.get(b ?? ""));
    add(position.get(b ?? ""), position.get(a ?? ""));
  }
  return { relatedSkills: new Map([...relatedSkills].map(([k, v]) => [k, Int32Array.from(v)])) };
}
