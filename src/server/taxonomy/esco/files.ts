import { readdir, stat } from "node:fs/promises";
import path from "node:path";

export type EscoFileKind = "skills" | "occupations" | "occupationSkillRelations" | "skillGroups" | "ISCOGroups";
export type EscoFile = { kind: EscoFileKind; fileLang: string; lang: string; name: string; path: string; bytes: number };

const pattern = /^(skills|occupations|occupationSkillRelations|skillGroups|ISCOGroups)_([A-Za-z]{2,3}(?:-[A-Za-z]+)?)\.csv$/;
/** The language-independent relations package names its file without a language (v1.1.1). */
const relationsWithoutLang = "occupationSkillRelations.csv";

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
    const full = path.join(dir, name);
    if (name === relationsWithoutLang) {
      files.push({ kind: "occupationSkillRelations", fileLang: "", lang: "", name, path: full, bytes: (await stat(full)).size });
      continue;
    }
    const match = pattern.exec(name);
    if (!match?.[1] || !match[2]) continue;
    files.push({ kind: match[1] as EscoFileKind, fileLang: match[2], lang: escoLang(match[2]), name, path: full, bytes: (await stat(full)).size });
  }
  const rank = (f: EscoFile) => (f.lang === "en" ? 0 : 1);
  return files.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}
