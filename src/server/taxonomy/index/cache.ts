// One taxonomy index per database per process, built lazily on first use and rebuilt when the
// taxonomy version moves (see ../version.ts for how often that is read).
import "server-only";
import type { Db } from "@/server/db/client";
import { currentTaxonomyVersion } from "../version";
import { buildTaxonomyIndex } from "./build";
import type { TaxonomyIndex } from "./taxonomy-index";

const built = new WeakMap<Db, { index: Promise<TaxonomyIndex>; version: number }>();

/** The current taxonomy index of `db`; Postgres stays the source of truth, this is a cache. */
export async function getTaxonomyIndex(db: Db): Promise<TaxonomyIndex> {
  const version = await currentTaxonomyVersion(db);
  const known = built.get(db);
  if (known && known.version === version) return known.index;
  const index = buildTaxonomyIndex(db, version);
  built.set(db, { index, version });
  // A failed build is not cached: the next request tries again.
  index.catch(() => {
    if (built.get(db)?.index === index) built.delete(db);
  });
  return index;
}
