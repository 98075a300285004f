// One taxonomy index per database per process, built lazily on first use and rebuilt when the
// taxonomy version in the database moves. The version is read at most once per CHECK_INTERVAL_MS,
// so a taxonomy imported by another process is served here within about a second.
import "server-only";
import type { Db } from "@/server/db/client";
import { getTaxonomyVersion } from "../version";
import { buildTaxonomyIndex } from "./build";
import type { TaxonomyIndex } from "./taxonomy-index";

const CHECK_INTERVAL_MS = 1000;

type State = { index: Promise<TaxonomyIndex>; version: number; checkedAt: number; generation: number };
const states = new WeakMap<Db, State>();
/** Bumped by this process's own taxonomy writes, which are then seen at once rather than within a second. */
let localGeneration = 0;

export function noteLocalTaxonomyChange(): void {
  localGeneration++;
}

/** The current taxonomy index of `db`; Postgres stays the source of truth, this is a cache. */
export async function getTaxonomyIndex(db: Db): Promise<TaxonomyIndex> {
  const now = Date.now();
  const state = states.get(db);
  if (state && now - state.checkedAt < CHECK_INTERVAL_MS && state.generation === localGeneration) return state.index;
  const generation = localGeneration;
  const version = await getTaxonomyVersion(db);
  const fresh = states.get(db);
  if (fresh && fresh.version === version) {
    fresh.checkedAt = now;
    fresh.generation = generation;
    return fresh.index;
  }
  const index = buildTaxonomyIndex(db, version);
  states.set(db, { index, version, checkedAt: now, generation });
  // A failed build is not cached: the next request tries again.
  index.catch(() => {
    if (states.get(db)?.index === index) states.delete(db);
  });
  return index;
}
