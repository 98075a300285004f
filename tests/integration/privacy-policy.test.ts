import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDb, type TestDb } from "@tests/helpers/db";
import { mailOutbox, users } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { consoleMailProvider } from "@/server/mail/console-provider";
import { processOutbox } from "@/server/mail/outbox";
import { acknowledgePolicy, effectivePolicy, pendingPolicyNotice, publishPolicy, upcomingPolicy } from "@/server/privacy/policy";

let t: TestDb;
const now = new Date("2026-11-24T10:00:00Z");
const input = (over: Partial<Parameters<typeof publishPolicy>[1]> = {}) => ({
  version: "2.0",
  summaryNb: "Vi lagrer søk kortere.",
  summaryEn: "We keep searches for a shorter time.",
  material: true,
  effectiveDate: "2026-12-15",
  ...over,
});

beforeAll(async () => {
  t = await createTestDb();
  await t.db.insert(users).values([
    { email: "a@example.test", displayName: "A", locale: "nb", createdAt: new Date("2026-01-01T00:00:00Z") },
    { email: "b@example.test", displayName: "B", locale: "en", createdAt: new Date("2026-01-01T00:00:00Z") },
  ]);
});
afterAll(async () => t.close());

describe("policy versions", () => {
  test("without published versions the built-in version is in force and no notice shows", async () => {
    expect((await effectivePolicy(t.db, now)).version).toBe("1.0");
    const [a] = await t.db.select().from(users).where(eq(users.email, "a@example.test"));
    expect(a && (await pendingPolicyNotice(t.db, { userId: a.id }))).toBeNull();
  });

  test("a material change less than 14 days ahead is refused, and nothing is queued", async () => {
    const err = await publishPolicy(t.db, input({ effectiveDate: "2026-12-07" }), now).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toMatch(/at least 14 days/);
    expect((err as AppError).details?.fieldErrors?.effectiveDate).toEqual(["notice_period"]);
    expect(await t.db.select().from(mailOutbox)).toHaveLength(0);
  });

  test("a non-material change may take effect at once", async () => {
    const { version } = await publishPolicy(t.db, input({ version: "1.1", material: false, effectiveDate: "2026-11-24" }), now);
    expect(version.version).toBe("1.1");
    expect((await effectivePolicy(t.db, new Date("2026-11-25T00:00:00Z"))).version).toBe("1.1");
  });

  test("publishing queues one e-mail per user in their language; the outbox sends through the provider", async () => {
    await t.db.delete(mailOutbox);
    const { queued } = await publishPolicy(t.db, input(), now);
    expect(queued).toBe(2);
    const rows = await t.db.select().from(mailOutbox);
    expect(rows.map((r) => [r.toAddress, r.template, (r.payload as { locale: string }).locale]).sort()).toEqual([
      ["a@example.test", "policy_changed", "nb"],
      ["b@example.test", "policy_changed", "en"],
    ]);
    const provider = consoleMailProvider(() => {});
    expect(await processOutbox(t.db, provider)).toEqual({ sent: 2, failed: 0, dead: 0 });
    expect(provider.sent.find((m) => m.to === "b@example.test")?.text).toContain("We keep searches");
    expect(provider.sent.find((m) => m.to === "a@example.test")?.subject).toMatch(/personvernerklæring versjon 2.0/);
    expect(await processOutbox(t.db, provider)).toEqual({ sent: 0, failed: 0, dead: 0 });
    // Announced in advance: upcoming, not yet in force.
    expect((await upcomingPolicy(t.db, now))?.version).toBe("2.0");
    expect((await effectivePolicy(t.db, now)).version).toBe("1.1");
  });

  test("the same version cannot be published twice", async () => {
    await expect(publishPolicy(t.db, input(), now)).rejects.toMatchObject({ code: "conflict" });
  });

  test("a signed-in user sees the notice until they acknowledge it", async () => {
    const [a] = await t.db.select().from(users).where(eq(users.email, "a@example.test"));
    if (!a) throw new Error("no user");
    const notice = await pendingPolicyNotice(t.db, { userId: a.id });
    expect(notice?.version).toBe("2.0");
    await acknowledgePolicy(t.db, { userId: a.id, policyVersionId: notice?.id ?? -1 });
    await acknowledgePolicy(t.db, { userId: a.id, policyVersionId: notice?.id ?? -1 }); // twice is fine
    expect(await pendingPolicyNotice(t.db, { userId: a.id })).toBeNull();
    const [b] = await t.db.select().from(users).where(eq(users.email, "b@example.test"));
    expect(b && (await pendingPolicyNotice(t.db, { userId: b.id }))?.version).toBe("2.0");
  });

  // Issue 14, point 9
  test("someone who signed up after the version was published is not told it was updated", async () => {
    const [latecomer] = await t.db.insert(users).values({ email: "late@example.test", displayName: "Late", createdAt: new Date(now.getTime() + 60_000) }).returning();
    expect(latecomer && (await pendingPolicyNotice(t.db, { userId: latecomer.id }))).toBeNull();
  });
});

describe("notice period boundary", () => {
  // Issue 14, point 5: 14 full days in Europe/Oslo time. 23:30 UTC on 24 Nov is already 25 Nov in
  // Oslo; 8 Dec (accepted before) began 13 days and 22.5 hours later.
  test("a material change needs 14 full Oslo days between publishing and taking effect", async () => {
    const local = await createTestDb();
    const at = new Date("2026-11-24T23:30:00Z");
    for (const early of ["2026-12-08", "2026-12-09"]) {
      await expect(publishPolicy(local.db, input({ version: "3.0", effectiveDate: early }), at)).rejects.toMatchObject({ code: "bad_request" });
    }
    const { version } = await publishPolicy(local.db, input({ version: "3.0", effectiveDate: "2026-12-10" }), at);
    expect(version.effectiveAt.toISOString()).toBe("2026-12-09T23:00:00.000Z"); // midnight in Oslo
    expect(version.effectiveAt.getTime() - at.getTime()).toBeGreaterThanOrEqual(14 * 86_400_000);
    // summer time: Oslo is UTC+2
    const { version: summer } = await publishPolicy(local.db, input({ version: "3.1", effectiveDate: "2027-07-01" }), new Date("2027-06-01T12:00:00Z"));
    expect(summer.effectiveAt.toISOString()).toBe("2027-06-30T22:00:00.000Z");
    await local.close();
  });
});
