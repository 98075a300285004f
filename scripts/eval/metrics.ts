// recall@k and MRR over ranked id lists, where any of a query's gold ids counts as a hit.

export type Metrics = { "recall@1": number; "recall@5": number; "recall@10": number; mrr: number };

/** The 1-based rank of the first gold id in `ranked`, or undefined. */
export function firstHit(ranked: readonly string[], gold: ReadonlySet<string>): number | undefined {
  const at = ranked.findIndex((id) => gold.has(id));
  return at >= 0 ? at + 1 : undefined;
}

export function metrics(ranks: readonly (number | undefined)[]): Metrics {
  const n = Math.max(1, ranks.length);
  const within = (k: number) => ranks.filter((r) => r !== undefined && r <= k).length / n;
  const mrr = ranks.reduce<number>((s, r) => s + (r === undefined ? 0 : 1 / r), 0) / n;
  return { "recall@1": within(1), "recall@5": within(5), "recall@10": within(10), mrr };
}

export const round3 = (v: number) => Math.round(v * 1000) / 1000;
