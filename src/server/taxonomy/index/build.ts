// Builds the in-memory taxonomy index from the database: every concept, every label in every
// language (hidden labels match but are never shown), per-kind word dictionaries and the relations.
import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { queryRows } from "@/server/db/rows";
import { displayLabel, type DisplayLabelCandidate } from "../display-label";
import { foldPlain, foldText } from "../fold";
import { TaxonomyIndex, WordDictionary, type SortedLabels } from "./taxonomy-index";
import type { ConceptKind, ConceptRelations, IndexedConcept, IndexedLabelKind } from "./types";

type LabelRow = { concept_id: string; uri: string; kind: ConceptKind; lang: string; label_kind: IndexedLabelKind; label: string };
type Packed = [string, string, ConceptKind, [string, IndexedLabelKind, string][]][];

const labelKindCode: Record<IndexedLabelKind, number> = { preferred: 0, alt: 1, hidden: 2 };

export async function buildTaxonomyIndex(db: Db, version: number): Promise<TaxonomyIndex> {
  // One JSON value instead of 150k rows: row by row, the embedded driver spends seconds decoding.
  const [packed] = await queryRows<{ concepts: Packed | string | null }>(
    db,
    sql`select json_agg(json_build_array(c.id, c.uri, c.kind,
          (select json_agg(json_build_array(l.lang, l.label_kind, l.label)) from concept_labels l where l.concept_id = c.id))) as concepts
        from concepts c`,
  );
  const raw = packed?.concepts;
  const rows: LabelRow[] = [];
  for (const [id, uri, kind, labels] of (typeof raw === "string" ? (JSON.parse(raw) as Packed) : raw) ?? []) {
    for (const [lang, labelKind, label] of labels ?? []) rows.push({ concept_id: id, uri, kind, lang, label_kind: labelKind, label });
  }
  const concepts: IndexedConcept[] = [];
  const position = new Map<string, number>();
  const n = rows.length;
  const labelConcept = new Int32Array(n);
  const labelKind = new Uint8Array(n);
  const labelLang: string[] = new Array<string>(n);
  const labelText: string[] = new Array<string>(n);
  const labelFolded: string[] = new Array<string>(n);
  const labelPlain: (string | undefined)[] = new Array<string | undefined>(n);
  const words: Record<ConceptKind, Map<string, number[]>> = { skill: new Map(), role: new Map() };

  let current = null as IndexedConcept | null;
  let candidates: DisplayLabelCandidate[] = [];
  const finish = () => {
    if (!current) return;
    current.display = { nb: displayLabel(candidates, "nb") ?? current.uri, en: displayLabel(candidates, "en") ?? current.uri };
  };
  for (let i = 0; i < n; i++) {
    const row = rows[i] as LabelRow;
    if (current?.id !== row.concept_id) {
      finish();
      current = { id: row.concept_id, uri: row.uri, kind: row.kind, display: { nb: "", en: "" }, firstLabel: i, labelCount: 0 };
      position.set(row.concept_id, concepts.length);
      concepts.push(current);
      candidates = [];
    }
    current.labelCount++;
    candidates.push({ lang: row.lang, labelKind: row.label_kind, label: row.label });
    const folded = foldText(row.label);
    labelConcept[i] = concepts.length - 1;
    labelKind[i] = labelKindCode[row.label_kind];
    labelLang[i] = row.lang;
    labelText[i] = row.label;
    labelFolded[i] = folded;
    const plain = foldPlain(row.label);
    labelPlain[i] = plain === folded ? undefined : plain;
    const dictionary = words[row.kind];
    for (const word of new Set(`${folded} ${plain}`.split(" "))) {
      if (!word) continue;
      let postings = dictionary.get(word);
      if (!postings) dictionary.set(word, (postings = []));
      postings.push(i);
    }
  }
  finish();

  const relations = await loadRelations(db, position);
  const kindOf = (label: number) => (concepts[labelConcept[label] as number] as IndexedConcept).kind;
  return new TaxonomyIndex({
    version,
    concepts,
    position,
    labels: { concept: labelConcept, kind: labelKind, lang: labelLang, text: labelText, folded: labelFolded, plain: labelPlain },
    dictionaries: { skill: new WordDictionary(words.skill), role: new WordDictionary(words.role) },
    sortedLabels: { skill: sortedLabels(labelFolded, labelPlain, kindOf, "skill"), role: sortedLabels(labelFolded, labelPlain, kindOf, "role") },
    relations,
  });
}

/** Labels of one kind by folded text (both folded forms), for whole-label prefix ranges. */
function sortedLabels(folded: string[], plain: (string | undefined)[], kindOf: (label: number) => ConceptKind, kind: ConceptKind): SortedLabels {
  const entries: [string, number][] = [];
  for (let i = 0; i < folded.length; i++) {
    if (kindOf(i) !== kind) continue;
    entries.push([folded[i] as string, i]);
    const p = plain[i];
    if (p !== undefined) entries.push([p, i]);
  }
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { texts: entries.map((e) => e[0]), labels: Int32Array.from(entries.map((e) => e[1])) };
}

async function loadRelations(db: Db, position: Map<string, number>): Promise<ConceptRelations> {
  const [packed] = await queryRows<{ links: [string, string, string][] | string | null; related: [string, string][] | string | null }>(
    db,
    sql`select (select json_agg(json_build_array(role_id, skill_id, relation)) from role_skills) as links,
               (select json_agg(json_build_array(skill_id, related_skill_id)) from skill_relations) as related`,
  );
  const parse = <T>(v: T[] | string | null | undefined): T[] => (typeof v === "string" ? (JSON.parse(v) as T[]) : (v ?? []));
  const links = parse(packed?.links).map(([role_id, skill_id, relation]) => ({ role_id, skill_id, relation }));
  const related = parse(packed?.related).map(([skill_id, related_skill_id]) => ({ skill_id, related_skill_id }));
  const essential = new Map<number, number[]>();
  const optional = new Map<number, number[]>();
  const relatedSkills = new Map<number, number[]>();
  const add = (map: Map<number, number[]>, from: string, to: string) => {
    const a = position.get(from);
    const b = position.get(to);
    if (a === undefined || b === undefined) return;
    let list = map.get(a);
    if (!list) map.set(a, (list = []));
    list.push(b);
  };
  for (const l of links) add(l.relation === "essential" ? essential : optional, l.role_id, l.skill_id);
  // ESCO lists each pair once; relatedness is used both ways.
  for (const r of related) {
    add(relatedSkills, r.skill_id, r.related_skill_id);
    add(relatedSkills, r.related_skill_id, r.skill_id);
  }
  const frozen = (map: Map<number, number[]>) => new Map([...map].map(([k, v]) => [k, Int32Array.from(v)]));
  return { essentialSkills: frozen(essential), optionalSkills: frozen(optional), relatedSkills: frozen(relatedSkills) };
}
