// Imports an ESCO CSV download (official layout, any number of languages) into the taxonomy tables.
import "server-only";
import type { Db } from "@/server/db/client";
import { upsertTaxonomy, type RoleSkillLink, type SkillRelation, type TaxonomyConcept, type UpsertTaxonomyResult } from "../upsert";
import { readCsv, type RowProblem } from "./csv";
import { findEscoFiles } from "./files";
import {
  iscoGroupColumns,
  iscoGroupRow,
  occupationColumns,
  occupationRow,
  relationColumns,
  relationRow,
  skillColumns,
  skillRelationColumns,
  skillRelationRow,
  skillRow,
  splitLabels,
} from "./rows";

export type EscoImportPhase = "read" | "write" | "links";

export type EscoImportOptions = {
  dir: string;
  /** Remove ESCO concepts that are no longer in the download (default true). */
  removeMissing?: boolean;
  onProgress?: (progress: { phase: EscoImportPhase; done: number; total: number }) => void;
  /** Each rejected row, as it is found. */
  onProblem?: (problem: RowProblem) => void;
};

export type EscoImportResult = UpsertTaxonomyResult & {
  files: { name: string; rows: number; rejected: number }[];
  /** Files recognised but not imported, with the reason. */
  ignored: string[];
  languages: string[];
  /** The first 1000 rejected rows and warnings; `rejected` counts every rejected row. */
  problems: RowProblem[];
  rejected: number;
  concepts: number;
  labels: number;
};

const MAX_PROBLEMS_KEPT = 1000;

export class EscoImportError extends Error {
  override name = "EscoImportError";
}

export async function importEsco(db: Db, options: EscoImportOptions): Promise<EscoImportResult> {
  const files = await findEscoFiles(options.dir);
  const skillFiles = files.filter((f) => f.kind === "skills");
  const occupationFiles = files.filter((f) => f.kind === "occupations");
  const relationFiles = files.filter((f) => f.kind === "occupationSkillRelations");
  const skillRelationFiles = files.filter((f) => f.kind === "skillSkillRelations");
  const iscoFiles = files.filter((f) => f.kind === "ISCOGroups");
  if (skillFiles.length === 0 || occupationFiles.length === 0) {
    throw new EscoImportError(`${options.dir} has no skills_<lang>.csv and occupations_<lang>.csv: is it an ESCO CSV download?`);
  }
  // The relations are the same in every language; one file is enough (files are sorted en first).
  const relationFile = relationFiles[0];
  if (!relationFile) {
    throw new EscoImportError(
      `${options.dir} has skills and occupations but no occupationSkillRelations.csv (or occupationSkillRelations_<lang>.csv): ` +
        "without it no role would have skills, so nothing was imported.",
    );
  }
  const skillRelationFile = skillRelationFiles[0];

  const stats = new Map<string, { rows: number; rejected: number }>();
  const statOf = (name: string) => {
    let s = stats.get(name);
    if (!s) stats.set(name, (s = { rows: 0, rejected: 0 }));
    return s;
  };
  const problems: RowProblem[] = [];
  let rejected = 0;
  const onProblem = (problem: RowProblem) => {
    if (!problem.imported) {
      rejected++;
      statOf(problem.file).rejected++;
    }
    if (problems.length < MAX_PROBLEMS_KEPT) problems.push(problem);
    options.onProblem?.(problem);
  };

  const readFiles = [...iscoFiles.slice(0, 1), ...skillFiles, ...occupationFiles];
  const readTotal = readFiles.reduce((sum, f) => sum + f.bytes, 0);
  let readBase = 0;
  const reader = (required: readonly string[], base: number) => ({
    requiredColumns: required,
    onProblem,
    onBytes: (bytes: number) => options.onProgress?.({ phase: "read", done: base + bytes, total: readTotal }),
  });

  const iscoCodes = new Set<string>();
  const iscoFile = iscoFiles[0];
  if (iscoFile) {
    for await (const { row } of readCsv(iscoFile.path, iscoFile.name, iscoGroupRow, reader(iscoGroupColumns, readBase))) {
      statOf(iscoFile.name).rows++;
      iscoCodes.add(row.code);
    }
    readBase += iscoFile.bytes;
  }

  const drafts = new Map<string, TaxonomyConcept>();
  const draftFor = (uri: string, kind: TaxonomyConcept["kind"], file: string, line: number): TaxonomyConcept | undefined => {
    let draft = drafts.get(uri);
    if (!draft) drafts.set(uri, (draft = { uri, kind, descriptions: {}, labels: [] }));
    if (draft.kind !== kind) {
      onProblem({ file, line, message: `${uri} is already a ${draft.kind} in another file` });
      return undefined;
    }
    return draft;
  };
  const addText = (draft: TaxonomyConcept, lang: string, preferred: string, alt: string, hidden: string, description: string) => {
    draft.labels.push({ lang, labelKind: "preferred", label: preferred });
    for (const label of splitLabels(alt)) draft.labels.push({ lang, labelKind: "alt", label });
    for (const label of splitLabels(hidden)) draft.labels.push({ lang, labelKind: "hidden", label });
    if ((lang === "en" || lang === "nb") && description.trim() && !draft.descriptions[lang]) draft.descriptions[lang] = description.trim();
  };

  for (const file of skillFiles) {
    for await (const { row, line } of readCsv(file.path, file.name, skillRow, reader(skillColumns, readBase))) {
      statOf(file.name).rows++;
      const draft = draftFor(row.conceptUri, "skill", file.name, line);
      if (!draft) continue;
      if (row.skillType.trim()) draft.skillType ??= row.skillType.trim();
      addText(draft, file.lang, row.preferredLabel, row.altLabels, row.hiddenLabels, row.description);
    }
    readBase += file.bytes;
  }

  for (const file of occupationFiles) {
    for await (const { row, line } of readCsv(file.path, file.name, occupationRow, reader(occupationColumns, readBase))) {
      statOf(file.name).rows++;
      const draft = draftFor(row.conceptUri, "role", file.name, line);
      if (!draft) continue;
      const isco = row.iscoGroup || (/^\d{1,4}/.exec(row.code)?.[0] ?? "");
      if (iscoCodes.size > 0 && !iscoCodes.has(isco)) {
        onProblem({ file: file.name, line, message: `iscoGroup ${isco} is not in ${iscoFile?.name ?? "ISCOGroups"} (imported anyway)`, imported: true });
      }
      draft.iscoCode ??= isco;
      addText(draft, file.lang, row.preferredLabel, row.altLabels, row.hiddenLabels, row.description);
    }
    readBase += file.bytes;
  }

  const concepts = [...drafts.values()];
  const labels = concepts.reduce((sum, c) => sum + c.labels.length, 0);
  drafts.clear();

  async function* links(): AsyncGenerator<RoleSkillLink> {
    if (!relationFile) return;
    const total = relationFile.bytes;
    const opts = {
      requiredColumns: relationColumns,
      onProblem,
      onBytes: (bytes: number) => options.onProgress?.({ phase: "links", done: bytes, total }),
    };
    let valid = 0;
    for await (const { row } of readCsv(relationFile.path, relationFile.name, relationRow, opts)) {
      statOf(relationFile.name).rows++;
      valid++;
      yield { roleUri: row.occupationUri, skillUri: row.skillUri, relation: row.relationType };
    }
    // Thrown inside the import's transaction: the previous taxonomy stays as it was.
    if (valid === 0) throw new EscoImportError(`${relationFile.name} has no valid relation rows, so no role would have skills: nothing was imported.`);
  }

  async function* skillRelations(file: NonNullable<typeof skillRelationFile>): AsyncGenerator<SkillRelation> {
    for await (const { row } of readCsv(file.path, file.name, skillRelationRow, { requiredColumns: skillRelationColumns, onProblem })) {
      statOf(file.name).rows++;
      yield { skillUri: row.originalSkillUri, relatedUri: row.relatedSkillUri, relation: row.relationType };
    }
  }

  const result = await upsertTaxonomy(db, {
    source: "esco",
    concepts,
    links: links(),
    skillRelations: skillRelationFile ? skillRelations(skillRelationFile) : undefined,
    removeMissing: options.removeMissing ?? true,
    onProgress: (done) => {
      if (done <= concepts.length) options.onProgress?.({ phase: "write", done, total: concepts.length });
    },
  });

  const ignored = [
    ...files.filter((f) => f.kind === "skillGroups").map((f) => `${f.name} (skill groups are a hierarchy, not skills a person has)`),
    ...iscoFiles.slice(1).map((f) => `${f.name} (ISCO codes read from ${iscoFile?.name ?? ""})`),
    ...relationFiles.slice(1).map((f) => `${f.name} (relations read from ${relationFile.name})`),
    ...skillRelationFiles.slice(1).map((f) => `${f.name} (related skills read from ${skillRelationFile?.name ?? ""})`),
  ];
  return {
    ...result,
    files: [...stats].map(([name, s]) => ({ name, ...s })),
    ignored,
    languages: [...new Set([...skillFiles, ...occupationFiles].map((f) => f.lang))],
    problems,
    rejected,
    concepts: concepts.length,
    labels,
  };
}
