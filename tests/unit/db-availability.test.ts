import { describe, expect, test, vi } from "vitest";
import { DbOpenError } from "@/server/db/client";
import { dbUnavailableDigest, isDbUnavailable, markDbUnavailable } from "@/server/db/availability";

describe("database availability", () => {
  test("connection failures, however deeply wrapped, count as unavailable; query bugs do not", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    expect(isDbUnavailable(new Error("Failed query", { cause: refused }))).toBe(true);
    expect(isDbUnavailable(new DbOpenError("Could not connect to DATABASE_URL"))).toBe(true);
    expect(isDbUnavailable(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
    expect(isDbUnavailable(Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" }))).toBe(true);
    expect(isDbUnavailable(Object.assign(new Error("syntax error"), { code: "42601" }))).toBe(false);
    expect(isDbUnavailable(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
    expect(isDbUnavailable(new TypeError("x is undefined"))).toBe(false);
  });

  test("a marked error carries the digest the error pages recognise; others pass through untouched", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const marked = markDbUnavailable(Object.assign(new Error("boom"), { code: "CONNECTION_CLOSED" }));
    expect(marked).toMatchObject({ name: "DbUnavailableError", digest: dbUnavailableDigest });
    const bug = new TypeError("bug");
    expect(markDbUnavailable(bug)).toBe(bug);
  });
});
