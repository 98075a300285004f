import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { erasedIdentities, erasureJobs, loginEvents, mailOutbox, pageViewCounters, profileEvents, statsWatermark, users, webhookDeliveries } from "@/server/db/schema";
import { queryRows } from "@/server/db/rows";
import { missingKeyProblem, retirableKeys } from "@/server/privacy/keys";
import { purgeExpiredRecords, retentionDays } from "@/server/privacy/retention";
import { recordErasedClerkId } from "@/server/privacy/tombstones";
import { parseKeyring, pseudonymFor } from "@/server/pseudonym";
import { runStatsMaintenance } from "@/server/stats/rollup";
import { policy } from "@/i18n/messages/policy";
import { createTestDb, type TestDb } from "@tests/helpers/db";

// Issue 14, point 7: every raw activity table has a retention the cron enforces and the policy
// states; the keyring is checked against what stored rows use.
let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => t.close());

const now = new Date("2026-12-01T06:00:00Z");
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
async function rows(table: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(t.db, sql.raw(`select count(*)::int as n from ${table}`));
  return Number(row?.n ?? 0);
}

describe("retention", () => {
  test("the cron jobs delete each activity and housekeeping table's expired rows, and keep the rest", async () => {
    const [u] = await t.db.insert(users).values({ email: "r@example.test", displayName: "R" }).returning();
    if (!u) throw new Error("fixture");
    const ring = parseKeyring("k1:retention-secret-0123456789");
    await t.db.insert(statsWatermark).values({ name: "daily", lastDay: "2026-11-30" });
    await t.db.insert(loginEvents).values([{ userId: u.id, method: "local", occurredAt: daysAgo(retentionDays.loginEvents + 1) }, { userId: u.id, method: "local", occurredAt: daysAgo(1) }]);
    await t.db.insert(profileEvents).values([{ kind: "skill_added", ...pseudonymFor(u.id, ring), occurredAt: daysAgo(91) }, { kind: "skill_added", ...pseudonymFor(u.id, ring), occurredAt: daysAgo(2) }]);
    await t.db.insert(pageViewCounters).values([{ userId: u.id, day: "2026-08-01", route: "/profile", count: 1 }, { userId: u.id, day: "2026-11-29", route: "/profile", count: 1 }]);
    await t.db.insert(erasureJobs).values([
      { target: "disk_file", remoteId: "old", doneAt: daysAgo(31) },
      { target: "disk_file", remoteId: "pending", createdAt: daysAgo(60) },
    ]);
    await t.db.insert(mailOutbox).values([
      { userId: u.id, toAddress: "r@example.test", template: "policy_changed", status: "sent", createdAt: daysAgo(91) },
      { userId: u.id, toAddress: "r@example.test", template: "policy_changed", status: "pending", createdAt: daysAgo(91), dedupeKey: "2" },
    ]);
    await recordErasedClerkId(t.db, "user_old", ring);
    await t.db.update(erasedIdentities).set({ erasedAt: daysAgo(31) });
    await t.db.insert(webhookDeliveries).values([{ svixId: "old", receivedAt: daysAgo(8) }, { svixId: "new", receivedAt: daysAgo(1) }]);

    await runStatsMaintenance(t.db, { k: 10, now, ring, retentionDays: 90 });
    const purged = await purgeExpiredRecords(t.db, now);
    expect(purged).toEqual({ loginEvents: 1, erasureJobs: 1, mailOutbox: 1, tombstones: 1, webhookDeliveries: 1 });
    expect({
      login_events: await rows("login_events"),
      profile_events: await rows("profile_events"),
      page_view_counters: await rows("page_view_counters"),
      erasure_jobs: await rows("erasure_jobs"),
      mail_outbox: await rows("mail_outbox"),
      erased_identities: await rows("erased_identities"),
      webhook_deliveries: await rows("webhook_deliveries"),
    }).toEqual({ login_events: 1, profile_events: 1, page_view_counters: 1, erasure_jobs: 1, mail_outbox: 1, erased_identities: 0, webhook_deliveries: 1 });
  });

  test("the policy states each retention period in both languages", () => {
    for (const text of [policy.nb.sections.storage.body, policy.en.sections.storage.body]) {
      for (const days of [retentionDays.loginEvents, retentionDays.finishedMail, retentionDays.finishedErasureJobs]) expect(text).toContain(String(days));
      expect(text).toMatch(/\{days[,}]/);
    }
  });
});

describe("keyring", () => {
  test("a key id stored rows still use but the keyring lacks is reported; unused old keys can be retired", async () => {
    const [u] = await t.db.insert(users).values({ email: "k@example.test", displayName: "K" }).returning();
    if (!u) throw new Error("fixture");
    const old = parseKeyring("k0:old-secret-0123456789abcdef");
    await t.db.insert(profileEvents).values({ kind: "skill_added", ...pseudonymFor(u.id, old) });
    const rotatedWithoutOld = parseKeyring("k1:new-secret-0123456789abcdef");
    expect(await missingKeyProblem(t.db, rotatedWithoutOld)).toMatch(/^SEARCH_LOG_KEY lacks key id\(s\) still used by stored rows: k0\. Add them back/);
    const full = parseKeyring("k1:new-secret-0123456789abcdef,k0:old-secret-0123456789abcdef,kx:never-used-secret-0123456");
    expect(await missingKeyProblem(t.db, full)).toBeNull();
    expect(await retirableKeys(t.db, full)).toEqual(["kx"]);
    await t.db.delete(profileEvents);
    expect(await retirableKeys(t.db, full)).toEqual(["k0", "kx"]);
  });
});
