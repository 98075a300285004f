import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { pageViewCounters, users } from "@/server/db/schema";
import { recordPageView, routePatternOf } from "@/server/activity/page-views";
import { createTestDb, type TestDb } from "@tests/helpers/db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

describe("page-view counters", () => {
  test("only known route patterns are counted, never ids or query strings", () => {
    expect(routePatternOf("/profile")).toBe("/profile");
    expect(routePatternOf("/profile/")).toBe("/profile");
    expect(routePatternOf("/roles/5b1f9d3e-8a4c-4c1e-9f3a-2d6b7e8f9a0b")).toBe("/roles/[id]");
    expect(routePatternOf("/api/me/export")).toBeNull();
    expect(routePatternOf("/unknown")).toBeNull();
  });

  test("views are counted per user, day and route", async () => {
    const [u] = await t.db.insert(users).values({ email: "pv@example.no", displayName: "PV" }).returning();
    if (!u) throw new Error("no user");
    await recordPageView(t.db, { userId: u.id, route: "/profile", day: "2026-11-20" });
    await recordPageView(t.db, { userId: u.id, route: "/profile", day: "2026-11-20" });
    await recordPageView(t.db, { userId: u.id, route: "/search", day: "2026-11-20" });
    const rows = await t.db.select().from(pageViewCounters);
    expect(rows.map((r) => [r.route, r.count]).sort()).toEqual([["/profile", 2], ["/search", 1]]);
  });
});
