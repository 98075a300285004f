// npm run taxonomy:import -- --esco <dir> [--keep-missing]
// Imports an ESCO CSV download into the configured database (DATABASE_URL, or PGlite under DATA_DIR).
// Rejected rows are listed on stderr as file:line; the import goes on with the valid rows.
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseEnv } from "@/env";
import { openConfigured } from "@/server/db/open-configured";
import { importEsco } from "@/server/taxonomy/esco/import";
import { createProgress } from "@/server/taxonomy/esco/progress";
import { parseFlags, runCli } from "./cli-runtime";

const USAGE = "usage: npm run taxonomy:import -- --esco <directory with skills_en.csv, occupations_en.csv, …> [--keep-missing]";
const SHOW_PROBLEMS = 50;
const phaseLabel = { read: "reading CSV", write: "writing", links: "linking" } as const;

await runCli("taxonomy:import", async () => {
  const { values } = parseFlags({ args: process.argv.slice(2), options: { esco: { type: "string" }, "keep-missing": { type: "boolean", default: false } } }, USAGE);
  if (!values.esco) throw new Error(USAGE);

  const env = parseEnv(process.env);
  const handle = await openConfigured(env, { migratePostgres: true });
  const progress = createProgress();
  let shown = 0;
  try {
    const started = performance.now();
    const result = await importEsco(handle.db, {
      dir: path.resolve(values.esco),
      removeMissing: !values["keep-missing"],
      onProgress: ({ phase, done, total }) => progress.update(phaseLabel[phase], done, total, phase === "write" ? "items" : "bytes"),
      onProblem: (p) => {
        if (shown++ >= SHOW_PROBLEMS) return;
        progress.done();
        console.error(`${p.file}:${p.line}: ${p.message}`);
      },
    });
    progress.done();
    const seconds = (performance.now() - started) / 1000;
    const rowsRead = result.files.reduce((sum, f) => sum + f.rows, 0);
    if (result.rejected > SHOW_PROBLEMS) console.error(`… and ${result.rejected - SHOW_PROBLEMS} more rejected rows`);
    for (const f of result.files) console.error(`  ${f.name}: ${f.rows} rows${f.rejected ? `, ${f.rejected} rejected` : ""}`);
    for (const note of result.ignored) console.error(`  not imported: ${note}`);
    console.log(
      `[taxonomy:import] ESCO (${result.languages.join(", ")}): ${result.concepts} concepts, ${result.labels} labels, ${result.links} links, ${result.skillRelations} related-skill pairs; ` +
        `added ${result.added}, updated ${result.updated}, removed ${result.removed}` +
        (result.kept ? ` (${result.kept} kept: users refer to them)` : "") +
        (result.skippedLinks ? `, ${result.skippedLinks} links to unknown concepts skipped` : "") +
        `, ${result.rejected} rows rejected; ${rowsRead} rows in ${seconds.toFixed(1)} s (${Math.round(rowsRead / seconds)} rows/s)`,
    );
  } finally {
    progress.done();
    await handle.close();
  }
});
