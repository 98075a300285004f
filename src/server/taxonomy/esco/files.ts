import "server-only";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";

export type EscoFileKind = "skills" | "occupations" | "occupationSkillRelations" | "skillSkillRelations" | "skillGroups" | "ISCOGroups";
export type EscoFile = { kind: EscoFileKind; fileLang: string; lang: string; name: string; path: string; bytes: number };

// Relations hold only URIs, so downloads name them with or without a language
// (`occupationSkillRelations_en.csv` or `occupationSkillRelations.csv`); labelled files always have one.
const pattern = /^(skills|occupations|occupationSkillRelations|skillSkillRelations|skillGroups|ISCOGroups)(?:_([A-Za-z]{2,3}(?:-[A-Za-z]+)?))?\.csv$/;
const withoutLanguage = new Set<string>(["occupationSkillRelations", "skillSkillRelations"]);

/** ESCO names Norwegian Bokmål "no"; Evne's language code is "nb". */
export function escoLang(fileLang: string): string {
  const lang = fileLang.toLowerCase();
  return lang === "no" ? "nb" : lang;
}

/** The ESCO CSV files in `dir` that Evne reads, by kind and language, in a stable order (en first). */
export async function findEscoFiles(dir: string): Promise<EscoFile[]> {
  const names = await readdir(dir);
  const files: EscoFile[] = [];
  for (const name of names) {
    const match = pattern.exec(name);
    const kind = match?.[1];
    if (!kind || (!match[2] && !withoutLanguage.has(kind))) continue;
    const fileLang = match[2] ?? "";
    const full = path.join(dir, name);
    files.push({ kind: kind as EscoFileKind, fileLang, lang: escoLang(fileLang), name, path: full, bytes: (await stat(full)).size });
  }
  const rank = (f: EscoFile) => (f.lang === "en" ? 0 : f.lang === "" ? 1 : 2);
  return files.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}
