import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { withTestAdapters } from "@tests/helpers/adapters";
import { createTestDb, type TestDb } from "@tests/helpers/db";
import { loginsBy, makeConcept, makeUsers, ring, searchesBy, viewsBy } from "@tests/helpers/stats-fixtures";
import type { SessionUser } from "@/server/auth/types";

let t: TestDb;
let asking: SessionUser | null = null;
process.env.CRON_SECRET = "cron-secret-for-tests-0123456789";

withTestAdapters(() => ({
  session: async () => asking,
  db: async () => t.db,
}));

const cron = await import("@/app/api/cron/stats-rollup/route");
const csv = await import("@/app/api/admin/trends/csv/route");
const { rollupPending } = await import("@/server/stats/rollup");

const person = (isAdmin: boolean): SessionUser => ({
  id: "00000000-0000-4000-8000-000000000001",
  email: "x@test.local",
  displayName: "X",
  isAdmin,
  locale: "en",
  restricted: false,
  objected: false,
});

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

describe("GET /api/cron/stats-rollup", () => {
  const call = (headers: Record<string, string>) => cron.GET(new Request("http://localhost/api/cron/stats-rollup", { headers }));

  test("rejects a missing or wrong secret with 401 and does nothing", async () => {
    expect((await call({})).status).toBe(401);
    expect((await call({ authorization: "Bearer wrong" })).status).toBe(401);
    expect((await call({ authorization: "cron-secret-for-tests-0123456789" })).status).toBe(401);
    expect((await call({ authorization: "Bearer cron-secret-for-tests-01234567890" })).status).toBe(401);
  });

  test("runs the rollup with the right secret", async () => {
    const res = await call({ authorization: "Bearer cron-secret-for-tests-0123456789" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ rolledUpDays: expect.any(Number), purgedSearchLogRows: 0 });
  });
});

describe("GET /api/admin/trends/csv", () => {
  const call = (query = "") => csv.GET(new Request(`http://localhost/api/admin/trends/csv${query}`));

  test("is 404 for visitors and non-admins", async () => {
    asking = null;
    expect((await call()).status).toBe(404);
    asking = person(false);
    expect((await call()).status).toBe(404);
  });

  test("rejects an invalid filter", async () => {
    asking = person(true);
    expect((await call("?period=8")).status).toBe(400);
  });

  test("holds exactly the published aggregates: nothing below k, no total to subtract from", async () => {
    asking = person(true);
    const ts = await makeConcept(t.db, "evne:skill/typescript");
    const rare = await makeConcept(t.db, "evne:skill/rare");
    const u = await makeUsers(t.db, 23, "csv");
    const day = "2026-03-08";
    await searchesBy(t.db, u.slice(0, 12), day, "TypeScript", ts);
    await searchesBy(t.db, u.slice(12, 13), day, "kari@example.com", rare);
    await loginsBy(t.db, u, day);
    await viewsBy(t.db, u.slice(0, 10), day, "/a", 3); // 30 views, 10 people
    await viewsBy(t.db, u.slice(10, 22), day, "/b", 3); // 36 views, 12 people
    await viewsBy(t.db, u.slice(22), day, "/secret", 7); // one person
    await rollupPending(t.db, { k: 2, now: new Date("2026-03-09T06:00:00Z"), ring });

    const res = await call("?period=7&type=skill");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const body = await res.text();
    const rows = body.trim().split("\n").map((l) => l.split(","));
    const pick = (section: string) => rows.filter((r) => r[0] === section);
    expect(pick("top_searched").map((r) => [r[1], r[4]])).toEqual([[ts, "12"]]);
    expect(pick("top_terms").map((r) => [r[1], r[4]])).toEqual([["typescript", "12"]]);
    expect(pick("logins_users").map((r) => [r[3], r[4]])).toEqual([[day, "23"]]);
    expect(body).not.toContain(rare);
    expect(body).not.toContain("/secret");
    expect(body).not.toContain("example.com");

    const total = Number(pick("page_views").find((r) => r[3] === day)?.[4]);
    const parts = pick("page_views_by_route").reduce((s, r) => s + Number(r[4]), 0);
    expect(total).toBe(73);
    expect(total - parts).not.toBe(7); // a naive CSV would give away /secret's 7 views
    expect(total - parts).toBe(37);
  });
});
