import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { chooseAdapters, parseEnv } from "@/env";
import { mailOutbox, users } from "@/server/db/schema";
import { maxMailAttempts, processOutbox } from "@/server/mail/outbox";
import { smtpMailProvider, unconfiguredMailProvider } from "@/server/mail/smtp-provider";
import { publishPolicy } from "@/server/privacy/policy";
import { createTestDb, type TestDb } from "@tests/helpers/db";
import { startSmtpSink } from "@tests/helpers/smtp-sink";

// Issue 14, points 5 and 9: policy notices are really e-mailed, once per person and version.
let t: TestDb;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let provider: ReturnType<typeof smtpMailProvider>;
const published = new Date("2026-11-24T10:00:00Z");
const policy = (version: string) => ({ version, summaryNb: "Kortere lagring.", summaryEn: "Shorter storage.", material: true, effectiveDate: "2026-12-20" });

beforeAll(async () => {
  sink = await startSmtpSink();
  provider = smtpMailProvider({ url: sink.url, from: "Evne <personvern@evne.test>" });
});
afterAll(async () => {
  provider.close();
  await sink.close();
});
beforeEach(async () => {
  await t?.close();
  t = await createTestDb();
  sink.received.length = 0;
  sink.control.refuse.clear();
  sink.control.failNext = 0;
  await t.db.insert(users).values([
    { email: "kari@example.test", displayName: "Kari", locale: "nb", createdAt: new Date("2026-01-01T00:00:00Z") },
    { email: "ola@example.test", displayName: "Ola", locale: "en", createdAt: new Date("2026-01-01T00:00:00Z") },
  ]);
});
afterAll(async () => t?.close());

const statuses = async () =>
  (await t.db.select().from(mailOutbox).orderBy(mailOutbox.toAddress)).map((r) => [r.toAddress, r.status, r.attempts, r.sentAt !== null]);

describe("the SMTP adapter", () => {
  test("sends each notice over a real SMTP conversation and marks it sent once accepted", async () => {
    await publishPolicy(t.db, policy("2.0"), published);
    expect(await processOutbox(t.db, provider, { now: published })).toEqual({ sent: 2, failed: 0, dead: 0 });
    expect(sink.received.map((m) => m.to).flat().sort()).toEqual(["kari@example.test", "ola@example.test"]);
    expect(sink.received.every((m) => m.from === "personvern@evne.test")).toBe(true);
    expect(sink.received.find((m) => m.to.includes("ola@example.test"))?.raw).toContain("Shorter storage.");
    expect(await statuses()).toEqual([
      ["kari@example.test", "sent", 1, true],
      ["ola@example.test", "sent", 1, true],
    ]);
  });

  test("a refused recipient is not marked sent: it is retried with back-off, then dead-lettered", async () => {
    sink.control.refuse.add("ola@example.test");
    await publishPolicy(t.db, policy("2.0"), published);
    let at = published;
    const runs = [];
    for (let i = 0; i < maxMailAttempts; i++) {
      runs.push(await processOutbox(t.db, provider, { now: at }));
      expect(await processOutbox(t.db, provider, { now: at })).toEqual({ sent: 0, failed: 0, dead: 0 }); // not due again at once
      at = new Date(at.getTime() + 24 * 3_600_000);
    }
    expect(runs.map((r) => r.sent)).toEqual([1, 0, 0, 0, 0]);
    expect(runs.map((r) => r.failed + r.dead)).toEqual([1, 1, 1, 1, 1]);
    expect(runs[maxMailAttempts - 1]?.dead).toBe(1);
    const [ola] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, "ola@example.test"));
    expect(ola).toMatchObject({ status: "dead", attempts: maxMailAttempts, sentAt: null });
    expect(ola?.lastError).toMatch(/550|not accept/);
    expect(await processOutbox(t.db, provider, { now: new Date(at.getTime() + 30 * 86_400_000) })).toEqual({ sent: 0, failed: 0, dead: 0 });
  });

  test("a temporary failure (451) is retried and then sent", async () => {
    sink.control.failNext = 1;
    await publishPolicy(t.db, policy("2.0"), published);
    const first = await processOutbox(t.db, provider, { now: published, limit: 1 });
    expect(first).toEqual({ sent: 0, failed: 1, dead: 0 });
    await processOutbox(t.db, provider, { now: new Date(published.getTime() + 3_600_000) });
    expect((await statuses()).map((s) => s[1])).toEqual(["sent", "sent"]);
    expect(sink.received).toHaveLength(2);
  });

  test("without SMTP_URL only development uses the console; production sends nothing and marks nothing sent", async () => {
    expect(chooseAdapters(parseEnv({ NODE_ENV: "development" })).mail).toBe("console");
    expect(chooseAdapters(parseEnv({ NODE_ENV: "production", EVNE_AUTH: "local" })).mail).toBe("none");
    expect(() => parseEnv({ VERCEL_ENV: "production", CLERK_SECRET_KEY: "sk", NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: "pk", DATABASE_URL: "postgres://h/db", SEARCH_LOG_KEY: "k1:0123456789abcdef0", CRON_SECRET: "c" })).toThrow(/SMTP_URL/);
    await publishPolicy(t.db, policy("2.0"), published);
    expect(await processOutbox(t.db, unconfiguredMailProvider, { now: published })).toEqual({ sent: 0, failed: 2, dead: 0 });
    expect((await statuses()).every((s) => s[1] === "pending" && s[3] === false)).toBe(true);
  });
});

describe("once per person and version", () => {
  test("two runners at the same time send each notice once", async () => {
    await publishPolicy(t.db, policy("2.0"), published);
    const runs = await Promise.all([processOutbox(t.db, provider, { now: published }), processOutbox(t.db, provider, { now: published })]);
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(2);
    expect(sink.received).toHaveLength(2);
  });

  test("queueing the same version for a person again is a no-op", async () => {
    await publishPolicy(t.db, policy("2.0"), published);
    const [row] = await t.db.select().from(mailOutbox).limit(1);
    if (!row) throw new Error("fixture");
    const again = await t.db
      .insert(mailOutbox)
      .values({ userId: row.userId, toAddress: row.toAddress, template: row.template, dedupeKey: row.dedupeKey, payload: row.payload })
      .onConflictDoNothing()
      .returning();
    expect(again).toHaveLength(0);
  });
});
