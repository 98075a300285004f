// Reads the O*NET 29.3 text files and Nesta's ESCO-O*NET crosswalk. Evaluation only: nothing read
// here reaches the product's index, labels or tuning (see ../shared/MATCHING.md).
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";

function tsv(file: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(file, "utf8").split(/\r?\n/).filter(Boolean);
  const columns = (head ?? "").split("\t");
  return lines.map((line) => {
    const cells = line.split("\t");
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? ""]));
  });
}

function groupBy(rows: Record<string, string>[], key: string, value: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const row of rows) {
    const k = row[key] ?? "";
    const v = (row[value] ?? "").trim();
    if (!k || !v) continue;
    const list = out.get(k) ?? [];
    list.push(v);
    out.set(k, list);
  }
  return out;
}

export type Onet = {
  /** O*NET code -> its core task statements, in file order. */
  coreTasks: Map<string, string[]>;
  /** O*NET code -> technology skill examples. */
  technology: Map<string, string[]>;
  /** O*NET code -> alternate titles. */
  titles: Map<string, string[]>;
  /** O*NET code -> ESCO occupation URIs (the crosswalk). */
  crosswalk: Map<string, Set<string>>;
};

/** `dir` holds onet-29.3/ and crosswalks/ (../shared/data). */
export function readOnet(dir: string): Onet {
  const onet = path.join(dir, "onet-29.3");
  const tasks = tsv(path.join(onet, "Task Statements.txt")).filter((r) => r["Task Type"] === "Core");
  const rows = parse(readFileSync(path.join(dir, "crosswalks", "esco_onet_crosswalk_Nov2020.csv"), "utf8"), { columns: true }) as Record<string, string>[];
  const crosswalk = new Map<string, Set<string>>();
  for (const row of rows) {
    const code = row.onet_code ?? "";
    const uri = row.concept_uri ?? "";
    if (!code || !uri) continue;
    const set = crosswalk.get(code) ?? new Set<string>();
    set.add(uri);
    crosswalk.set(code, set);
  }
  return {
    coreTasks: groupBy(tasks, "O*NET-SOC Code", "Task"),
    technology: groupBy(tsv(path.join(onet, "Technology Skills.txt")), "O*NET-SOC Code", "Example"),
    titles: groupBy(tsv(path.join(onet, "Alternate Titles.txt")), "O*NET-SOC Code", "Alternate Title"),
    crosswalk,
  };
}
