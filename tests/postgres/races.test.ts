// Races that only a multi-connection server can show (PGlite is one connection, so everything
// there runs one statement at a time). This folder is only in vitest.postgres.config.ts's include.
import { count, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { dbFrom, withTestAdapters } from "@tests/helpers/adapters";
import type { SessionUser } from "@/server/auth/types";
import { rateLimitWindows, userSkills } from "@/server/db/schema";
import { createTestDb, type TestDb } from "@tests/helpers/db";
import { rowsLeftFor, testRing, userWithEverything } from "@tests/helpers/privacy";
import { insertTestConcepts, insertTestUser } from "@tests/helpers/profile-fixtures";
import { cells, loginsBy, makeConcept, makeUsers, ring, searchesBy } from "@tests/helpers/stats-fixtures";

const state: { user: SessionUser | null; t?: TestDb } = { user: null };
withTestAdapters(() => ({
  session: async () => state.user,
  db: dbFrom(state),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { addSkillAction } = await import("@/server/profile/actions");
const { hitRateLimit } = await import("@/server/ratelimit");
const { rollupPending } = await import("@/server/stats/rollup");
const { exportUserData } = await import("@/server/privacy/export");
const { eraseUser } = await import("@/server/privacy/erase");

beforeEach(async () => {
  vi.stubEnv("SEARCH_LOG_KEY", "k1:races-secret-0123456789abcdef");
  state.t = await createTestDb();
});
afterEach(async () => {
  await state.t?.close();
  state.user = null;
  vi.unstubAllEnvs();
});

const db = () => {
  if (!state.t) throw new Error("no test db");
  return state.t.db;
};

describe("on a real multi-connection PostgreSQL", () => {
  test("two tabs adding the same skill at once: one wins, the others get a duplicate error, never a 500", async () => {
    const c = await insertTestConcepts(db());
    const u = await insertTestUser(db(), "race@example.test");
    state.user = { id: u.id, email: "race@example.test", displayName: "Race", isAdmin: false, locale: "nb", restricted: false, objected: false };

    for (const input of [{ conceptId: c.ts }, { customLabel: "Kaffebrenning" }]) {
      const results = await Promise.all(Array.from({ length: 6 }, () => addSkillAction(input)));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      for (const r of results.filter((r) => !r.ok)) {
        expect(r).toMatchObject({ ok: false, code: "conflict", fieldErrors: { skill: ["duplicate_skill"] } });
      }
    }
    const [rows] = await db().select({ n: count() }).from(userSkills).where(eq(userSkills.userId, u.id));
    expect(rows?.n).toBe(2);
  });

  test("rate-limit counters lose no increment under parallel requests", async () => {
    const now = new Date("2026-11-24T12:00:30Z");
    const results = await Promise.all(Array.from({ length: 40 }, () => hitRateLimit(db(), { key: "search:race", limit: 15, windowSeconds: 60, now })));
    expect(results.filter((r) => r.allowed)).toHaveLength(15);
    expect(results.map((r) => r.remaining).sort((a, b) => a - b)).toEqual([...Array(25).fill(0), ...Array.from({ length: 15 }, (_, i) => i)]);
    const [row] = await db().select().from(rateLimitWindows).where(eq(rateLimitWindows.key, "search:race"));
    expect(row?.count).toBe(40);
  });

  test("concurrent rollup runs (two cron calls and a CLI run) count every day exactly once", async () => {
    const ts = await makeConcept(db(), "evne:skill/race");
    const u = await makeUsers(db(), 12);
    const days = ["2026-03-05", "2026-03-06", "2026-03-07", "2026-03-08"];
    for (const day of days) {
      await searchesBy(db(), u, day, "TypeScript", ts);
      await loginsBy(db(), u.slice(0, 11), day);
    }
    const now = new Date("2026-03-09T06:00:00Z");
    const runs = await Promise.all([rollupPending(db(), { k: 10, now, ring }), rollupPending(db(), { k: 10, now, ring }), rollupPending(db(), { k: 10, now, ring })]);
    expect(runs.flatMap((r) => r.days).sort()).toEqual(days);
    const c = await cells(db());
    for (const day of days) {
      expect(c.filter((x) => x.day === day && x.metric === "logins")).toEqual([{ day, metric: "logins", dim: "", key: "*", events: 11, people: 11 }]);
      expect(c.filter((x) => x.day === day && x.metric === "search_concept")).toEqual([{ day, metric: "search_concept", dim: "skill", key: ts, events: 12, people: 12 }]);
    }
  });

  test("export and erasure racing for one user: the export is whole or refused, the erasure is whole, others keep everything", async () => {
    const deleters = { clerkUser: async () => {}, uploadthingFile: async () => {}, diskFile: async () => {} };
    const other = await userWithEverything(db());
    const otherBefore = await rowsLeftFor(db(), other.user.id, testRing);
    const outcomes = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const { user } = await userWithEverything(db());
      const [exported, erased] = await Promise.allSettled([
        exportUserData(db(), { userId: user.id, ring: testRing }),
        eraseUser(db(), { userId: user.id, ring: testRing, deleters }),
      ]);
      expect(erased).toMatchObject({ status: "fulfilled", value: { erased: true } });
      if (exported.status === "fulfilled") {
        // A consistent snapshot from before the erasure: every part of the profile is there.
        const data = exported.value;
        expect([data.skills.length, data.roles.length, data.experiences.length, data.educations.length]).toEqual([1, 1, 1, 1]);
        expect(data.searchHistory).toHaveLength(2);
        expect(data.profileEvents).toHaveLength(2);
        expect(data.profile?.city).toBe("Oslo");
        outcomes.add("exported");
      } else {
        expect(exported.reason).toMatchObject({ code: "not_found" });
        outcomes.add("not_found");
      }
      expect(await rowsLeftFor(db(), user.id, testRing)).toEqual({});
    }
    expect(await rowsLeftFor(db(), other.user.id, testRing)).toEqual(otherBefore);
    expect(outcomes.size).toBeGreaterThan(0);
  });
});
