// Node 20 lacks APIs our test tools call: msw 3 uses Promise.withResolvers and Set.prototype
// intersection/difference (Node 22+), and vitest 5's reporter uses Map.groupBy (Node 21+) when it
// prints failures. Loaded by the vitest
// configs (main process) and tests/setup.ts (workers). Remove once Node 22 is the floor.
type WithResolvers = <T>() => { promise: Promise<T>; resolve: (value: T | PromiseLike<T>) => void; reject: (reason?: unknown) => void };
type GroupBy = <K, T>(items: Iterable<T>, key: (item: T, index: number) => K) => Map<K, T[]>;

const P = Promise as unknown as { withResolvers?: WithResolvers };
P.withResolvers ??= <T>() => {
  let resolve!: (value: T | PromiseLike<T>) => void;
  let reject!: (reason?: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

const M = Map as unknown as { groupBy?: GroupBy };
M.groupBy ??= <K, T>(items: Iterable<T>, key: (item: T, index: number) => K) => {
  const groups = new Map<K, T[]>();
  let index = 0;
  for (const item of items) {
    const k = key(item, index++);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
};

type SetOps = { intersection?: (other: ReadonlySet<unknown>) => Set<unknown>; difference?: (other: ReadonlySet<unknown>) => Set<unknown> };
const S = Set.prototype as unknown as SetOps & Set<unknown>;
S.intersection ??= function (this: Set<unknown>, other: ReadonlySet<unknown>) {
  return new Set([...this].filter((v) => other.has(v)));
};
S.difference ??= function (this: Set<unknown>, other: ReadonlySet<unknown>) {
  return new Set([...this].filter((v) => !other.has(v)));
};

export {};
