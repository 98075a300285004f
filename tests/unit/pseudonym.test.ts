import { describe, expect, test } from "vitest";
import { allPseudonymsFor, parseKeyring, pseudonymFor } from "@/server/pseudonym";

const userId = "5b1f9d3e-8a4c-4c1e-9f3a-2d6b7e8f9a0b";

describe("search-log pseudonyms", () => {
  test("are keyed, short, stable and do not contain the user id", () => {
    const ring = parseKeyring("k1:first-secret-0123456789abcdef");
    const a = pseudonymFor(userId, ring);
    expect(a).toEqual(pseudonymFor(userId, ring));
    expect(a.keyId).toBe("k1");
    expect(a.pseudonym).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(a.pseudonym).not.toContain(userId.slice(0, 8));
    expect(pseudonymFor(userId, parseKeyring("k1:another-secret-0123456789abc")).pseudonym).not.toBe(a.pseudonym);
    expect(pseudonymFor("5b1f9d3e-8a4c-4c1e-9f3a-2d6b7e8f9a0c", ring).pseudonym).not.toBe(a.pseudonym);
  });

  test("key rotation: new events use the new key, old pseudonyms stay resolvable", () => {
    const before = parseKeyring("k1:first-secret-0123456789abcdef");
    const after = parseKeyring("k2:second-secret-0123456789abcde,k1:first-secret-0123456789abcdef");
    const old = pseudonymFor(userId, before);
    expect(pseudonymFor(userId, after).keyId).toBe("k2");
    expect(allPseudonymsFor(userId, after)).toContainEqual(old);
    expect(allPseudonymsFor(userId, after)).toHaveLength(2);
  });

  test("a single secret gets key id k1; short secrets are refused", () => {
    expect(parseKeyring("plain-secret-0123456789").current.id).toBe("k1");
    expect(() => parseKeyring("short")).toThrow(/SEARCH_LOG_KEY/);
  });
});
