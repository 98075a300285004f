import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "@tests/helpers/db";
import { makeConcept } from "@tests/helpers/stats-fixtures";
import { queryRows } from "@/server/db/rows";
import { seedDemoActivity } from "@/server/seed/demo-activity";
import { loadTrends, topKeys, topKeysFromWindows, windowsFor } from "@/server/stats/queries";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

describe("demo activity", () => {
  test("skips without concepts, then seeds once, rolls up, and the dashboard shows figures above k", async () => {
    expect(await seedDemoActivity(t.db, { statsK: 10 })).toEqual({ seeded: false });
    for (let i = 0; i < 12; i++) await makeConcept(t.db, `evne:skill/demo-${String(i).padStart(2, "0")}`);
    for (let i = 0; i < 4; i++) await makeConcept(t.db, `evne:role/demo-${i}`, "role");
    expect(await seedDemoActivity(t.db, { statsK: 10 })).toEqual({ seeded: true });
    const [before] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from search_log`);
    expect(await seedDemoActivity(t.db, { statsK: 10 })).toEqual({ seeded: false });
    const [after] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from search_log`);
    expect(after?.n).toBe(before?.n);
    const [pseudonyms] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from search_log where key_id <> 'demo'`);
    expect(pseudonyms?.n).toBe(0);

    const trends = await loadTrends(t.db, { period: 30, type: "skill", k: 10, locale: "nb" });
    expect(trends.topSearched.length).toBeGreaterThan(3);
    expect(trends.topAdded.length).toBeGreaterThan(0);
    expect(trends.rising.length).toBeGreaterThan(0);
    // The precomputed windows give exactly the live sums over published day cells.
    const lastDay = trends.lastDay ?? "";
    for (const period of [7, 30, 90, 365]) {
      for (const [metric, dim] of [["search_concept", "skill"], ["search_concept", "role"], ["profile_added", "skill_added"], ["search_query", "skill"]] as const) {
        const fast = await topKeysFromWindows(t.db, { metric, dim, period, lastDay, k: 10, limit: 10 });
        const live = await topKeys(t.db, { metric, dim, window: windowsFor(lastDay, period).current, k: 10, limit: 10 });
        expect(fast).toEqual(live);
      }
    }
    expect(await topKeysFromWindows(t.db, { metric: "search_concept", dim: "skill", period: 30, lastDay, k: 11, limit: 10 })).toBeNull();
    const roles = await loadTrends(t.db, { period: 90, type: "role", k: 10, locale: "en" });
    expect(roles.topSearched.length).toBeGreaterThan(0);
    expect(roles.searches.some((p) => p.events !== null)).toBe(true); // searches per day, above k
  }, 120_000); // seeds and rolls up 120 days of activity: well past 30 s on a busy 2-core box
});
