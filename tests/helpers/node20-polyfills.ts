// msw 3 and vitest 5 declare Node >= 22.12; this machine runs Node 20.20. Until the runtime is
// upgraded, tests that load msw import this first: it adds the ES2024/2025 built-ins they call.
// Each is installed only when missing, so on Node 22+ this file does nothing.
type SetLike<T> = { has(value: T): boolean; keys(): Iterator<T> };

const setProto = Set.prototype as unknown as Record<string, unknown>;
if (typeof setProto.intersection !== "function") {
  setProto.intersection = function <T>(this: Set<T>, other: SetLike<T>) {
    return new Set([...this].filter((v) => other.has(v)));
  };
}
if (typeof setProto.difference !== "function") {
  setProto.difference = function <T>(this: Set<T>, other: SetLike<T>) {
    return new Set([...this].filter((v) => !other.has(v)));
  };
}
if (typeof setProto.union !== "function") {
  setProto.union = function <T>(this: Set<T>, other: SetLike<T>) {
    const out = new Set(this);
    const it = other.keys();
    for (let r = it.next(); !r.done; r = it.next()) out.add(r.value);
    return out;
  };
}

const promiseCtor = Promise as unknown as Record<string, unknown>;
if (typeof promiseCtor.withResolvers !== "function") {
  promiseCtor.withResolvers = function <T>() {
    let resolve!: (value: T | PromiseLike<T>) => void;
    let reject!: (reason?: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}

const mapCtor = Map as unknown as Record<string, unknown>;
if (typeof mapCtor.groupBy !== "function") {
  mapCtor.groupBy = function <K, T>(items: Iterable<T>, keyOf: (item: T, index: number) => K) {
    const out = new Map<K, T[]>();
    let i = 0;
    for (const item of items) {
      const key = keyOf(item, i++);
      const list = out.get(key);
      if (list) list.push(item);
      else out.set(key, [item]);
    }
    return out;
  };
}

export {};
