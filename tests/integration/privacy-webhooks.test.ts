import { eq } from "drizzle-orm";
import { WebhookSigner as Webhook } from "@tests/helpers/webhooks";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDb, type TestDb } from "@tests/helpers/db";
import { rowsLeftFor, testRing, userWithEverything } from "@tests/helpers/privacy";
import { userForClerkIdentity } from "@/server/auth/clerk-user";
import { erasedIdentities, loginEvents, users } from "@/server/db/schema";
import { handleClerkWebhook } from "@/server/privacy/clerk-webhook";
import type { RemoteDeleters } from "@/server/privacy/remote";

const secret = `whsec_${Buffer.from("privacy-webhook-test-secret-32by").toString("base64")}`;
const signer = new Webhook(secret);
let t: TestDb;
const remoteCalls: string[] = [];
const deleters: RemoteDeleters = {
  clerkUser: async (id) => void remoteCalls.push(`clerk:${id}`),
  uploadthingFile: async (key) => void remoteCalls.push(`ut:${key}`),
  diskFile: async (key) => void remoteCalls.push(`disk:${key}`),
};

function signed(event: unknown, at = new Date(), id = `msg_${Math.random().toString(36).slice(2)}`) {
  const body = JSON.stringify(event);
  const headers = new Headers({ "svix-id": id, "svix-timestamp": String(Math.floor(at.getTime() / 1000)), "svix-signature": signer.sign(id, at, body) });
  return { body, headers };
}

const send = (req: { body: string; headers: Headers }, s: string | null = secret) =>
  handleClerkWebhook(t.db, { secret: s ?? undefined, ...req, deleters, ring: testRing });

const userEvent = (type: string, id: string, email: string, role?: string, updatedAt?: number) => ({
  type,
  object: "event",
  data: {
    id,
    email_addresses: [{ id: "idn_1", email_address: email }],
    primary_email_address_id: "idn_1",
    first_name: "Kari",
    last_name: "Nordmann",
    public_metadata: role ? { role } : {},
    ...(updatedAt ? { updated_at: updatedAt } : {}),
  },
});
const userRow = async (clerkId: string) => (await t.db.select().from(users).where(eq(users.clerkId, clerkId)))[0];

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.close());

describe("Clerk webhooks", () => {
  test("a bad or missing signature is refused with 400 and changes nothing", async () => {
    const good = signed(userEvent("user.created", "user_bad", "bad@example.test"));
    const tampered = { body: good.body.replace("bad@", "evil@"), headers: good.headers };
    expect((await send(tampered)).status).toBe(400);
    const unsigned = { body: good.body, headers: new Headers() };
    expect((await send(unsigned)).status).toBe(400);
    const otherSecret = `whsec_${Buffer.from("some-other-secret-of-32-bytes!!!").toString("base64")}`;
    expect((await send(good, otherSecret)).status).toBe(400);
    expect(await t.db.select().from(users).where(eq(users.clerkId, "user_bad"))).toHaveLength(0);
  });

  test("an old (replayed) timestamp is refused with 400", async () => {
    const old = signed(userEvent("user.created", "user_old", "old@example.test"), new Date(Date.now() - 10 * 60 * 1000));
    expect((await send(old)).status).toBe(400);
    expect(await t.db.select().from(users).where(eq(users.clerkId, "user_old"))).toHaveLength(0);
  });

  test("without a configured secret the endpoint refuses to act", async () => {
    const req = signed(userEvent("user.created", "user_nosecret", "n@example.test"));
    expect((await send(req, null)).status).toBe(503);
  });

  test("user.created creates our row with role from public_metadata; user.updated refreshes it", async () => {
    expect((await send(signed(userEvent("user.created", "user_new", "kari@example.test", "admin")))).status).toBe(200);
    const [created] = await t.db.select().from(users).where(eq(users.clerkId, "user_new"));
    expect(created).toMatchObject({ email: "kari@example.test", displayName: "Kari Nordmann", role: "admin" });
    expect((await send(signed(userEvent("user.updated", "user_new", "kari.n@example.test")))).status).toBe(200);
    const rows = await t.db.select().from(users).where(eq(users.clerkId, "user_new"));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ email: "kari.n@example.test", role: "user" });
  });

  test("session.created records a login event", async () => {
    await send(signed(userEvent("user.created", "user_login", "login@example.test")));
    const res = await send(signed({ type: "session.created", data: { id: "sess_1", user_id: "user_login" } }));
    expect(res).toEqual({ status: 200, body: { ok: true, handled: "session.created" } });
    const [user] = await t.db.select().from(users).where(eq(users.clerkId, "user_login"));
    expect(user && (await t.db.select().from(loginEvents).where(eq(loginEvents.userId, user.id)))).toMatchObject([{ method: "clerk" }]);
  });

  test("user.deleted erases everything without calling Clerk again, and is safe to redeliver", async () => {
    const { user } = await userWithEverything(t.db, { clerkId: "user_gone" });
    const req = signed({ type: "user.deleted", data: { id: "user_gone", deleted: true } });
    expect((await send(req)).status).toBe(200);
    expect(await rowsLeftFor(t.db, user.id, testRing)).toEqual({});
    expect(remoteCalls.filter((c) => c.startsWith("clerk:"))).toEqual([]);
    expect(remoteCalls).toContain(`disk:${"avatar-"}${user.email.match(/\d+/)?.[0]}.webp`);
    expect((await send(signed({ type: "user.deleted", data: { id: "user_gone", deleted: true } }))).status).toBe(200);
  });

  test("other event types are acknowledged and ignored", async () => {
    expect(await send(signed({ type: "email.created", data: {} }))).toEqual({ status: 200, body: { ok: true, handled: "ignored" } });
  });

  // Issue 14, point 2: idempotent by svix id, applied in order, erased stays erased.
  test("a redelivered svix id is applied once, even after a newer change", async () => {
    const first = signed(userEvent("user.created", "user_replay", "first@example.test", undefined, 1_000), new Date(), "msg_replay_1");
    expect((await send(first)).body.handled).toBe("user.created");
    expect((await send(signed(userEvent("user.updated", "user_replay", "second@example.test", undefined, 2_000), new Date(), "msg_replay_2"))).status).toBe(200);
    // svix retries keep the message id and re-sign with a fresh timestamp
    const replay = signed(userEvent("user.created", "user_replay", "first@example.test", undefined, 1_000), new Date(), "msg_replay_1");
    expect(await send(replay)).toEqual({ status: 200, body: { ok: true, handled: "duplicate" } });
    expect(await userRow("user_replay")).toMatchObject({ email: "second@example.test" });
  });

  test("an older user.updated delivered after a newer one changes nothing", async () => {
    await send(signed(userEvent("user.updated", "user_order", "new@example.test", "admin", 5_000)));
    expect((await send(signed(userEvent("user.updated", "user_order", "old@example.test", undefined, 4_000)))).body.handled).toBe("stale");
    expect(await userRow("user_order")).toMatchObject({ email: "new@example.test", role: "admin" });
  });

  test("after user.deleted, late webhooks and a still-valid session do not bring the account back", async () => {
    await send(signed(userEvent("user.created", "user_tomb", "tomb@example.test", undefined, 1_000)));
    expect((await send(signed({ type: "user.deleted", data: { id: "user_tomb", deleted: true } }))).status).toBe(200);
    expect(await send(signed(userEvent("user.updated", "user_tomb", "tomb@example.test", undefined, 9_000)))).toEqual({ status: 200, body: { ok: true, handled: "erased" } });
    expect(await send(signed(userEvent("user.created", "user_tomb", "tomb@example.test")))).toMatchObject({ body: { handled: "erased" } });
    const session = await userForClerkIdentity(t.db, { provider: "clerk", clerkId: "user_tomb", email: "tomb@example.test", name: "Kari Nordmann" }, testRing);
    expect(session).toBeNull();
    expect(await userRow("user_tomb")).toBeUndefined();
    // the tombstone is a keyed hash: neither the Clerk id nor the e-mail is stored in clear
    const tombstones = JSON.stringify(await t.db.select().from(erasedIdentities));
    expect(tombstones).not.toContain("user_tomb");
    expect(tombstones).not.toContain("tomb@example.test");
  });

  test("a user.deleted that arrives before user.created still wins", async () => {
    await send(signed({ type: "user.deleted", data: { id: "user_early", deleted: true } }));
    await send(signed(userEvent("user.created", "user_early", "early@example.test")));
    expect(await userRow("user_early")).toBeUndefined();
  });

  test("the admin role follows Clerk when the webhook reports a change, whatever the session claims", async () => {
    await send(signed(userEvent("user.created", "user_role", "role@example.test", "admin", 1_000)));
    const claimsAdmin = { provider: "clerk" as const, clerkId: "user_role", role: "admin" };
    expect(await userForClerkIdentity(t.db, claimsAdmin, testRing)).toMatchObject({ role: "admin" });
    await send(signed(userEvent("user.updated", "user_role", "role@example.test", undefined, 2_000)));
    expect(await userForClerkIdentity(t.db, claimsAdmin, testRing)).toMatchObject({ role: "user" });
  });
});
