import { eq } from "drizzle-orm";
import { WebhookSigner as Webhook } from "@tests/helpers/webhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { withTestAdapters } from "@tests/helpers/adapters";
import { createTestDb, type TestDb } from "@tests/helpers/db";
import { rowsLeftFor, testRing, userWithEverything } from "@tests/helpers/privacy";
import { parseEnv } from "@/env";
import type { SessionUser } from "@/server/auth/types";
import { consentEvents, erasureJobs, users } from "@/server/db/schema";

let t: TestDb;
let asking: SessionUser | null = null;
const jar = new Map<string, string>();
const remoteCalls: string[] = [];
const { webhookSecret } = vi.hoisted(() => ({ webhookSecret: `whsec_${Buffer.from("privacy-actions-webhook-secret-1").toString("base64")}` }));

vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (name: string) => void jar.delete(name),
  }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const config = parseEnv({ NODE_ENV: "test", CRON_SECRET: "cron-secret-for-tests", CLERK_WEBHOOK_SIGNING_SECRET: webhookSecret, DATA_DIR: "/tmp/evne-privacy-actions" });
withTestAdapters(() => ({
  session: async () => asking,
  db: async () => t.db,
  config,
  keyring: () => testRing,
  deleters: {
    clerkUser: async (id: string) => void remoteCalls.push(`clerk:${id}`),
    uploadthingFile: async (key: string) => void remoteCalls.push(`ut:${key}`),
    diskFile: async (key: string) => void remoteCalls.push(`disk:${key}`),
  },
}));

const actions = await import("@/server/privacy/actions");
const { effectivePolicy } = await import("@/server/privacy/policy");
const { sessionCookie } = await import("@/server/auth/local-session");

function sessionUserOf(u: typeof users.$inferSelect, isAdmin = false): SessionUser {
  return { id: u.id, email: u.email, displayName: u.displayName, isAdmin, locale: u.locale, restricted: false, objected: false };
}

beforeAll(async () => {
  t = await createTestDb();
});
beforeEach(() => {
  jar.clear();
  asking = null;
  remoteCalls.length = 0;
});
afterAll(async () => t.close());

describe("account deletion from settings", () => {
  test("refuses when the typed e-mail does not match, and keeps everything", async () => {
    const { user } = await userWithEverything(t.db);
    asking = sessionUserOf(user);
    const result = await actions.deleteAccountAction({ confirmEmail: "someone.else@example.test" });
    expect(result).toMatchObject({ ok: false, code: "bad_request", fieldErrors: { confirmEmail: ["mismatch"] } });
    expect(await t.db.select().from(users).where(eq(users.id, user.id))).toHaveLength(1);
  });

  test("erases everything, deletes the avatar, signs out locally and points to the confirmation page", async () => {
    const { user } = await userWithEverything(t.db);
    asking = sessionUserOf(user);
    jar.set(sessionCookie, "a-session-token");
    const result = await actions.deleteAccountAction({ confirmEmail: ` ${user.email.toUpperCase()} ` });
    expect(result).toEqual({ ok: true, data: { redirectTo: "/settings/privacy/deleted" } });
    expect(await rowsLeftFor(t.db, user.id, testRing)).toEqual({});
    expect(jar.has(sessionCookie)).toBe(false);
    expect(remoteCalls.some((c) => c.startsWith("disk:avatar-"))).toBe(true);
  });

  test("signed-out callers cannot delete anything", async () => {
    expect(await actions.deleteAccountAction({ confirmEmail: "x@example.test" })).toMatchObject({ ok: false, code: "unauthorized" });
  });
});

describe("cookie banner and consents", () => {
  test("an anonymous choice is only a cookie; a signed-in choice is also a ledger row", async () => {
    expect(await actions.saveCookieChoice({ analytics: true })).toEqual({ ok: true, data: { analytics: true } });
    expect(jar.get("evne_consent")).toBe("1.analytics");

    const { user } = await userWithEverything(t.db);
    await t.db.delete(consentEvents).where(eq(consentEvents.userId, user.id));
    asking = sessionUserOf(user);
    await actions.saveCookieChoice({ analytics: true });
    await actions.saveCookieChoice({ analytics: false });
    expect(jar.get("evne_consent")).toBe("1.necessary");
    const rows = await t.db.select().from(consentEvents).where(eq(consentEvents.userId, user.id)).orderBy(consentEvents.id);
    const { version } = await effectivePolicy(t.db);
    expect(rows.map((r) => [r.purpose, r.granted, r.source, r.policyVersion])).toEqual([
      ["analytics", true, "cookie_banner", version],
      ["analytics", false, "cookie_banner", version],
    ]);
    expect(await actions.saveCookieChoice({ analytics: "yes" as unknown as boolean })).toMatchObject({ ok: false, code: "bad_request" });
  });

  test("newsletter consent from settings is granted and withdrawn in the ledger", async () => {
    const { user } = await userWithEverything(t.db);
    await t.db.delete(consentEvents).where(eq(consentEvents.userId, user.id));
    asking = sessionUserOf(user);
    expect(await actions.setConsentAction({ purpose: "newsletter", granted: true })).toMatchObject({ ok: true });
    expect(await actions.setConsentAction({ purpose: "newsletter", granted: false })).toMatchObject({ ok: true });
    const rows = await t.db.select().from(consentEvents).where(eq(consentEvents.userId, user.id)).orderBy(consentEvents.id);
    expect(rows.map((r) => [r.purpose, r.granted, r.source])).toEqual([["newsletter", true, "settings"], ["newsletter", false, "settings"]]);
    expect(jar.has("evne_consent")).toBe(false);
  });

  test("restriction and objection actions act on the caller only", async () => {
    const { user } = await userWithEverything(t.db);
    const other = await userWithEverything(t.db);
    asking = sessionUserOf(user);
    expect(await actions.setRestrictionAction({ restricted: true })).toMatchObject({ ok: true });
    expect(await actions.setObjectionAction({ objected: true })).toMatchObject({ ok: true });
    const [mine] = await t.db.select().from(users).where(eq(users.id, user.id));
    const [theirs] = await t.db.select().from(users).where(eq(users.id, other.user.id));
    expect(mine?.restrictedAt).toBeInstanceOf(Date);
    expect(mine?.objectedAt).toBeInstanceOf(Date);
    expect(theirs?.restrictedAt).toBeNull();
    expect(theirs?.objectedAt).toBeNull();
    expect((await rowsLeftFor(t.db, user.id, testRing))["search_log.pseudonym"]).toBeUndefined();
  });
});

describe("policy publishing action", () => {
  test("non-admins are told it does not exist; admins get the notice-period refusal", async () => {
    const { user } = await userWithEverything(t.db);
    const input = { version: "9.0", summaryNb: "a", summaryEn: "b", material: true, effectiveDate: new Date().toISOString().slice(0, 10) };
    asking = sessionUserOf(user);
    expect(await actions.publishPolicyAction(input)).toMatchObject({ ok: false, code: "not_found" });
    asking = sessionUserOf(user, true);
    expect(await actions.publishPolicyAction(input)).toMatchObject({ ok: false, code: "bad_request", fieldErrors: { effectiveDate: ["notice_period"] } });
    expect(await actions.publishPolicyAction({ ...input, material: false })).toMatchObject({ ok: true, data: { version: "9.0" } });
  });
});

describe("routes", () => {
  test("the erasure cron needs the CRON_SECRET bearer token, then retries due jobs", async () => {
    const { GET } = await import("@/app/api/cron/erasure-jobs/route");
    expect((await GET(new Request("http://x/api/cron/erasure-jobs"))).status).toBe(401);
    expect((await GET(new Request("http://x/api/cron/erasure-jobs", { headers: { authorization: "Bearer wrong" } }))).status).toBe(401);
    const [job] = await t.db.insert(erasureJobs).values({ target: "clerk_user", remoteId: "user_cron", nextAttemptAt: new Date(0) }).returning();
    const res = await GET(new Request("http://x/api/cron/erasure-jobs", { headers: { authorization: "Bearer cron-secret-for-tests" } }));
    expect(res.status).toBe(200);
    expect(remoteCalls).toContain("clerk:user_cron");
    const [after] = await t.db.select().from(erasureJobs).where(eq(erasureJobs.id, job?.id ?? -1));
    expect(after?.doneAt).toBeInstanceOf(Date);
  });

  test("the Clerk webhook route rejects a bad signature and accepts a signed event", async () => {
    const { POST } = await import("@/app/api/webhooks/clerk/route");
    const body = JSON.stringify({ type: "user.created", data: { id: "user_route", email_addresses: [{ id: "e1", email_address: "route@example.test" }], primary_email_address_id: "e1" } });
    const bad = await POST(new Request("http://x/api/webhooks/clerk", { method: "POST", body, headers: { "svix-id": "m1", "svix-timestamp": String(Math.floor(Date.now() / 1000)), "svix-signature": "v1,bad" } }));
    expect(bad.status).toBe(400);
    const at = new Date();
    const signature = new Webhook(webhookSecret).sign("m2", at, body);
    const good = await POST(new Request("http://x/api/webhooks/clerk", { method: "POST", body, headers: { "svix-id": "m2", "svix-timestamp": String(Math.floor(at.getTime() / 1000)), "svix-signature": signature } }));
    expect(good.status).toBe(200);
    expect(await t.db.select().from(users).where(eq(users.clerkId, "user_route"))).toHaveLength(1);
  });
});
