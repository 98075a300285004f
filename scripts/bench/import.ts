// Taxonomy import throughput into a fresh in-memory PGlite: the synthetic ESCO-size taxonomy, or
// the ESCO CSV directory given with --esco. Rows = concepts + labels + links written.
import { performance } from "node:perf_hooks";
import { openPglite } from "@/server/db/client";
import { runMigrations } from "@/server/db/migrate";
import { importEsco } from "@/server/taxonomy/esco/import";
import { syntheticTaxonomy } from "@/server/taxonomy/synthetic";
import { upsertTaxonomy, type TaxonomyConcept } from "@/server/taxonomy/upsert";
import type { Bench } from "./index";

export const bench: Bench = async ({ esco, emit }) => {
  const handle = await openPglite();
  try {
    await runMigrations(handle);
    let rows: number;
    const started = performance.now();
    if (esco) {
      const result = await importEsco(handle.db, { dir: esco });
      rows = result.concepts + result.labels + result.links;
    } else {
      const taxonomy = syntheticTaxonomy({ skills: 14000, roles: 3000, linksPerRole: 40, seed: 42 });
      let labels = 0;
      const concepts = function* (): Generator<TaxonomyConcept> {
        for (const concept of taxonomy.concepts) {
          labels += concept.labels.length;
          yield concept;
        }
      };
      const result = await upsertTaxonomy(handle.db, { source: "esco", concepts: concepts(), links: taxonomy.links, removeMissing: true });
      rows = result.added + labels + result.links;
    }
    const seconds = (performance.now() - started) / 1000;
    emit({ name: "taxonomy_import_rows_per_s", value: Math.round(rows / seconds), unit: "rows/s", n: rows });
  } finally {
    await handle.close();
  }
};
