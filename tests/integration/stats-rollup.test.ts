import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { createTestDb, type TestDb } from "@tests/helpers/db";
import { eq } from "drizzle-orm";
import { addedBy, cells, loginsBy, makeConcept, makeUsers, oldRing, ring, searchesBy, viewsBy } from "@tests/helpers/stats-fixtures";
import { searchLog, users } from "@/server/db/schema";
import { allPseudonymsFor } from "@/server/pseudonym";
import { lastRolledDay, purgeSearchLog, removeUnrolledEventsFor, rollupPending, runStatsMaintenance } from "@/server/stats/rollup";

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

    const result = await rollupPending(t.db, { k: 2, now, ring });
    expect(result.days).toEqual(["2026-03-08", "2026-03-09"]);
    expect(await lastRolledDay(t.db)).toBe("2026-03-09");
    const c = await cells(t.db);
    expect(c).toEqual([
      { day: "2026-03-09", metric: "logins", dim: "", key: "*", events: 6, people: 3 },
      { day: "2026-03-09", metric: "page_views", dim: "", key: "*", events: 11, people: 3 },
      { day: "2026-03-09", metric: "page_views", dim: "", key: "/profile", events: 6, people: 3 },
      { day: "2026-03-09", metric: "profile_added", dim: "skill_added", key: ts, events: 2, people: 2 },
      { day: "2026-03-08", metric: "search_concept", dim: "skill", key: ts, events: 4, people: 3 },
      { day: "2026-03-08", metric: "search_query", dim: "skill", key: "typescript", events: 4, people: 3 },
    ]);
    expect(JSON.stringify(c)).not.toContain(u[0]);
  });

  // Issue 14, point 3
  test("nothing below k is stored: no one-person cell, no free-text query fewer than k people searched", async () => {
    const ts = await makeConcept(t.db, "evne:skill/typescript");
    const u = await makeUsers(t.db, 3);
    await searchesBy(t.db, u, "2026-03-08", "typescript", ts);
    await searchesBy(t.db, u.slice(0, 2), "2026-03-08", "kari nordmann sin cv", null);
    await addedBy(t.db, u.slice(0, 1), "2026-03-08", ts);
    await loginsBy(t.db, u.slice(0, 2), "2026-03-08");
    await viewsBy(t.db, u.slice(0, 1), "2026-03-08", "/search", 5);
    await rollupPending(t.db, { k: 3, now, ring });
    const c = await cells(t.db);
    expect(c.map((x) => `${x.metric}:${x.key}`)).toEqual([`search_concept:${ts}`, "search_query:typescript"]);
    expect(Math.min(...c.map((x) => x.people))).toBeGreaterThanOrEqual(3);
  });

  test("a person searching under the old and the new key on a rotation day counts once", async () => {
    const ts = await makeConcept(t.db, "evne:skill/typescript");
    const [kari, ola] = await makeUsers(t.db, 2);
    if (!kari || !ola) throw new Error("fixture");
    await searchesBy(t.db, [kari], "2026-03-08", "typescript", ts, oldRing);
    await searchesBy(t.db, [kari], "2026-03-08", "typescript", ts);
    await rollupPending(t.db, { k: 2, now: new Date("2026-03-09T06:00:00Z"), ring });
    expect(await cells(t.db)).toEqual([]);
    await searchesBy(t.db, [kari, ola], "2026-03-09", "typescript", ts, oldRing);
    await searchesBy(t.db, [kari], "2026-03-09", "typescript", ts);
    await rollupPending(t.db, { k: 2, now, ring });
    expect(await cells(t.db)).toEqual([
      { day: "2026-03-09", metric: "search_concept", dim: "skill", key: ts, events: 3, people: 2 },
      { day: "2026-03-09", metric: "search_query", dim: "skill", key: "typescript", events: 3, people: 2 },
    ]);
  });

  test("maintenance removes stored cells below a raised k", async () => {
    const ts = await makeConcept(t.db, "evne:skill/typescript");
    await searchesBy(t.db, await makeUsers(t.db, 3), "2026-03-08", "typescript", ts);
    await rollupPending(t.db, { k: 2, now, ring });
    expect(await cells(t.db)).toHaveLength(2);
    await runStatsMaintenance(t.db, { k: 4, now, ring, retentionDays: 90 });
    expect(await cells(t.db)).toEqual([]);
  });
});

describe("idempotence and crash safety", () => {
  async function fixture(db: TestDb["db"]) {
    const ts = await makeConcept(db, "evne:skill/ts");
    const u = await makeUsers(db, 12);
    for (const day of ["2026-03-05", "2026-03-06", "2026-03-07", "2026-03-08"]) {
      await searchesBy(db, u, day, "TypeScript", ts);
      await loginsBy(db, u.slice(0, 11), day);
    }
    return { ts, u };
  }

  test("running twice on the same day gives the same numbers", async () => {
    await fixture(t.db);
    const first = await rollupPending(t.db, { k: 2, now, ring });
    const after1 = await cells(t.db);
    const second = await rollupPending(t.db, { k: 2, now: new Date("2026-03-10T23:59:00Z"), ring });
    expect(first.days).toHaveLength(5); // through yesterday, 03-09 (an empty day is rolled up too)
    expect(second.days).toEqual([]);
    expect(await cells(t.db)).toEqual(after1);
  });

  test("a crash half-way neither loses nor double-counts", async () => {
    await fixture(t.db);
    await expect(
      rollupPending(t.db, {
        k: 2,
        now,
        ring,
        beforeCommit: (day) => {
          if (day === "2026-03-07") throw new Error("power cut");
        },
      }),
    ).rejects.toThrow("power cut");
    expect(await lastRolledDay(t.db)).toBe("2026-03-06");
    expect(new Set((await cells(t.db)).map((c) => c.day))).toEqual(new Set(["2026-03-05", "2026-03-06"]));

    const resumed = await rollupPending(t.db, { k: 2, now, ring });
    expect(resumed.days).toEqual(["2026-03-07", "2026-03-08", "2026-03-09"]);

    const clean = await createTestDb();
    try {
      // Same events, same concept id, rolled up without a crash.
      const { ts } = await fixture(clean.db);
      await rollupPending(clean.db, { k: 2, now, ring });
      const strip = (rows: Awaited<ReturnType<typeof cells>>, id: string) => rows.map((r) => ({ ...r, key: r.key === id ? "ts" : r.key }));
      const crashedTs = (await cells(t.db)).find((c) => c.metric === "search_concept")?.key ?? "";
      expect(strip(await cells(t.db), crashedTs)).toEqual(strip(await cells(clean.db), ts));
    } finally {
      await clean.close();
    }
  });
});

describe("retention", () => {
  test("raw search log older than the retention period goes once rolled up; rollups stay", async () => {
    const ts = await makeConcept(t.db, "evne:skill/ts");
    const u = await makeUsers(t.db, 2);
    await searchesBy(t.db, u, "2025-11-01", "old search", ts);
    await searchesBy(t.db, u, "2026-03-01", "recent search", ts);
    const later = new Date("2026-03-10T06:00:00Z");

    // Nothing rolled up yet: nothing may be purged.
    expect(await purgeSearchLog(t.db, { retentionDays: 90, now: later })).toEqual({ deleted: 0, profileEvents: 0, pageViews: 0 });
    const result = await runStatsMaintenance(t.db, { retentionDays: 90, now: later, ring, k: 2 });
    expect(result.purgedSearchLogRows).toBe(2);
    const left = await t.db.select({ query: searchLog.query }).from(searchLog);
    expect(left.map((r) => r.query)).toEqual(["recent search", "recent search"]);
    const kept = (await cells(t.db)).filter((c) => c.metric === "search_query");
    expect(kept.map((c) => [c.day, c.key, c.events])).toEqual([
      ["2025-11-01", "old search", 2],
      ["2026-03-01", "recent search", 2],
    ]);
  });
});

describe("objection and restriction", () => {
  test("objecting or restricted users are left out of future rollups, under every key", async () => {
    const ts = await makeConcept(t.db, "evne:skill/ts");
    const u = await makeUsers(t.db, 4);
    const [objector, restricted] = u;
    if (!objector || !restricted) throw new Error("fixture");
    await searchesBy(t.db, [objector], "2026-03-08", "typescript", ts, oldRing); // before a key rotation
    await searchesBy(t.db, u, "2026-03-08", "typescript", ts);
    await addedBy(t.db, u, "2026-03-08", ts);
    await loginsBy(t.db, u, "2026-03-08");
    await viewsBy(t.db, u, "2026-03-08", "/search");
    await t.db.update(users).set({ objectedAt: new Date() }).where(eq(users.id, objector));
    await t.db.update(users).set({ restrictedAt: new Date() }).where(eq(users.id, restricted));

    await rollupPending(t.db, { k: 2, now, ring });
    const c = await cells(t.db);
    for (const metric of ["search_concept", "search_query", "profile_added", "logins"]) {
      expect(c.find((x) => x.metric === metric)).toMatchObject({ events: 2, people: 2 });
    }
    expect(c.filter((x) => x.metric === "page_views").map((x) => x.people)).toEqual([2, 2]);
  });

  test("removeUnrolledEventsFor deletes only the not-yet-rolled-up raw events, under old and new pseudonyms", async () => {
    const ts = await makeConcept(t.db, "evne:skill/ts");
    const [me, other] = await makeUsers(t.db, 2);
    if (!me || !other) throw new Error("fixture");
    await searchesBy(t.db, [me, other], "2026-03-08", "rolled", ts);
    await rollupPending(t.db, { k: 2, now: new Date("2026-03-09T06:00:00Z"), ring });
    expect(await lastRolledDay(t.db)).toBe("2026-03-08");
    await searchesBy(t.db, [me], "2026-03-09", "unrolled old key", ts, oldRing);
    await searchesBy(t.db, [me, other], "2026-03-09", "unrolled new key", ts);
    await addedBy(t.db, [me, other], "2026-03-09", ts);
    await viewsBy(t.db, [me, other], "2026-03-09", "/profile");

    const removed = await removeUnrolledEventsFor(t.db, me, ring);
    expect(removed).toEqual({ searchLog: 2, profileEvents: 1, pageViews: 1 });
    const left = await t.db.select({ query: searchLog.query, p: searchLog.pseudonym }).from(searchLog).orderBy(searchLog.query);
    const mine = new Set(allPseudonymsFor(me, ring).map((p) => p.pseudonym));
    expect(left.filter((r) => mine.has(r.p)).map((r) => r.query)).toEqual(["rolled"]);
    expect(left.filter((r) => !mine.has(r.p)).map((r) => r.query)).toEqual(["rolled", "unrolled new key"]);
  });
});
