// Seeded randomness for the evaluation: the same seed gives the same queries on every run.

export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** `n` items sampled by their stable key: sorted by key first, so the input order never matters. */
export function sampleByKey<T>(items: readonly T[], key: (item: T) => string, n: number, random: () => number): T[] {
  return shuffle([...items].sort((a, b) => key(a).localeCompare(key(b))), random).slice(0, n);
}

export function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}
