import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { createTestDb, type TestDb } from "@tests/helpers/db";
import { addedBy, cells, loginsBy, makeConcept, makeUsers, searchesBy, viewsBy, ring } from "@tests/helpers/stats-fixtures";
import { lastRolledDay, rollupPending } from "@/server/stats/rollup";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.close());

const now = new Date("2026-03-10T06:00:00Z");

describe("daily rollup", () => {
  test("counts events and distinct people per cell, never stores ids", async () => {
    const ts = await makeConcept(t.db, "evne:skill/typescript");
    const u = await makeUsers(t.db, 3);
    await searchesBy(t.db, u, "2026-03-08", "  TypeScript  ", ts);
    await searchesBy(t.db, u.slice(0, 1), "2026-03-08", "typescript", ts);
    await searchesBy(t.db, u.slice(0, 1), "2026-03-08", "mail kari@example.com", null);
    await searchesBy(t.db, u.slice(0, 1), "2026-03-08", "ring +47 912 34 567", null);
    await searchesBy(t.db, u.slice(0, 1), "2026-03-08", "id 12345678", null);
    await addedBy(t.db, u.slice(0, 2), "2026-03-09", ts);
    await loginsBy(t.db, [...u, ...u], "2026-03-09");
    await viewsBy(t.db, u, "2026-03-09", "/profile", 2);
    await viewsBy(t.db, u.slice(0, 1), "2026-03-09", "/search", 5);
    await searchesBy(t.db, u, "2026-03-10", "today is not complete", null);

    const result = await rollupPending(t.db, { now, ring });
    expect(result.days).toEqual(["2026-03-08", "2026-03-09"]);
    expect(await lastRolledDay(t.db)).toBe("2026-03-09");
    const c = await cells(t.db);
    expect(c).toEqual([
      { day: "2026-03-09", metric: "logins", dim: "", key: "*", events: 6, people: 3 },
      { day: "2026-03-09", metric: "page_views", dim: "", key: "*", events: 11, people: 3 },
      { day: "2026-03-09", metric: "page_views", dim: "", key: "/profile", events: 6, people: 3 },
      { day: "2026-03-09", metric: "page_views", dim: "", key: "/search", events: 5, people: 1 },
      { day: "2026-03-09", metric: "profile_added", dim: "skill_added", key: ts, events: 2, people: 2 },
      { day: "2026-03-08", metric: "search_concept", dim: "skill", key: ts, events: 4, people: 3 },
      { day: "2026-03-08", metric: "search_query", dim: "skill", key: "typescript", events: 4, people: 3 },
    ]);
    expect(JSON.stringify(c)).not.toContain(u[0]);
  });
});
