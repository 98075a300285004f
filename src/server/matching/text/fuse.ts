// Weighted reciprocal rank fusion (Cormack et al. 2009): robust without training or score calibration.

import "server-only";

/** Reciprocal rank fusion's k. */
export const RRF_K = 60;

/** Weighted reciprocal rank fusion: Σ weight / (k + rank) over the lists an id is in; ties keep first-seen order. */
export function fuseRanks(lists: readonly { ids: readonly string[]; weight: number }[], k = RRF_K): string[] {
  const score = new Map<string, number>();
  const firstSeen = new Map<string, number>();
  lists.forEach((list) =>
    list.ids.forEach((id, rank) => {
      if (!id) return;
      score.set(id, (score.get(id) ?? 0) + list.weight / (k + rank + 1));
      if (!firstSeen.has(id)) firstSeen.set(id, firstSeen.size);
    }),
  );
  return [...score.keys()].sort((a, b) => (score.get(b) ?? 0) - (score.get(a) ?? 0) || (firstSeen.get(a) ?? 0) - (firstSeen.get(b) ?? 0));
}
