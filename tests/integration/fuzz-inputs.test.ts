// Property tests over the zod-validated inputs of server actions and route handlers: arbitrary
// strings (unicode, emoji, NUL, SQL/HTML metacharacters, very long), numbers, nulls, nested objects
// and wrong types never produce a 500 or a thrown exception, and a rejected input writes nothing.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { WebhookSigner as Webhook } from "@tests/helpers/webhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { dbFrom, withTestAdapters } from "@tests/helpers/adapters";
import { parseEnv } from "@/env";
import type { SessionUser } from "@/server/auth/types";
import { policyVersions } from "@/server/db/schema";
import { createTestDb, type TestDb } from "@tests/helpers/db";
import { insertTestConcepts, insertTestUser } from "@tests/helpers/profile-fixtures";
import { rowsOwnedBy, tableCounts } from "@tests/helpers/snapshots";

const state = vi.hoisted(() => ({ user: null as SessionUser | null, t: undefined as TestDb | undefined }));

withTestAdapters(() => ({
  session: async () => state.user,
  db: dbFrom(state),
  config,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }) }));
// Hundreds of requests from one user in a second would be rate limited; the limiter has its own tests.
vi.mock("@/server/ratelimit", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/server/ratelimit")>()),
  enforceRateLimit: async () => ({ allowed: true, limit: 1, remaining: 1, retryAfterSeconds: 0 }),
}));

const dataDir = mkdtempSync(path.join(tmpdir(), "evne-fuzz-"));
const webhookSecret = `whsec_${Buffer.from("fuzz-webhook-secret-0123456789ab").toString("base64")}`;
const config = parseEnv({ NODE_ENV: "test", DATA_DIR: dataDir, SEARCH_LOG_KEY: "k1:fuzz-search-log-secret-0123456789", CLERK_WEBHOOK_SIGNING_SECRET: webhookSecret });

const profile = await import("@/server/profile/actions");
const privacy = await import("@/server/privacy/actions");
const matching = await import("@/server/matching/actions");
const activity = await import("@/server/activity/actions");
const search = await import("@/app/api/search/route");
const match = await import("@/app/api/match/route");
const webhook = await import("@/app/api/webhooks/clerk/route");

let me: SessionUser;
let concept: { ts: string; welding: string; developer: string };
let policyVersionId: number;

beforeAll(async () => {
  state.t = await createTestDb();
  concept = await insertTestConcepts(state.t.db);
  const u = await insertTestUser(state.t.db, "fuzz@example.test");
  me = { id: u.id, email: "fuzz@example.test", displayName: "Fuzz", isAdmin: false, locale: "nb", restricted: false, objected: false };
  const [pv] = await state.t.db
    .insert(policyVersions)
    .values({ version: "2.0", material: false, effectiveAt: new Date("2026-01-01T00:00:00Z"), summary: { nb: "x", en: "x" } })
    .returning({ id: policyVersions.id });
  if (!pv) throw new Error("no policy version");
  policyVersionId = pv.id;
});

afterAll(async () => {
  await state.t?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function db() {
  if (!state.t) throw new Error("no test db");
  return state.t.db;
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

const nastyStrings = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "' OR 1=1 --",
  "'); drop table users; --",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "%_\\",
  "\\x00\\n",
  "😀👩‍👩‍👧🇳🇴",
  "\u202eevil",
  "\ud800",
  "NaN",
  "null",
  "undefined",
  "../../etc/passwd",
  "2020-13-45",
  "00000000-0000-0000-0000-000000000000",
  "Ærlig øl på Åsen",
];

const nasty: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...nastyStrings) },
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.tuple(fc.constantFrom("x", "ø", "😀", "%", "'"), fc.integer({ min: 200, max: 20_000 })).map(([c, n]) => c.repeat(n)),
);

const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  nasty,
  fc.integer(),
  fc.double(),
  fc.constantFrom(null, undefined, true, false, 0, -1, 1e308, Number.NaN, Infinity),
  fc.array(nasty, { maxLength: 3 }),
  fc.dictionary(nasty, nasty, { maxKeys: 3 }),
  fc.object({ maxDepth: 2 }),
);

/**
 * Inputs for one action or body: a valid `base` with one field replaced by something nasty (so the
 * value reaches the code behind the schema), every field arbitrary or absent, or no object at all.
 */
function fields(shape: Record<string, fc.Arbitrary<unknown>>, base: Record<string, unknown> = {}): fc.Arbitrary<unknown> {
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, good] of Object.entries(shape)) record[key] = fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: anyValue });
  const mutated = fc
    .record({ key: fc.constantFrom(...Object.keys(shape)), value: fc.oneof({ weight: 3, arbitrary: nasty }, { weight: 1, arbitrary: anyValue }) })
    .map(({ key, value }) => ({ ...base, [key]: value }));
  return fc.oneof(
    { weight: 4, arbitrary: mutated },
    { weight: 3, arbitrary: fc.record(record, { requiredKeys: [] }) },
    { weight: 1, arbitrary: anyValue },
  );
}

const uuid = () => fc.oneof(fc.uuid(), fc.constantFrom(concept.ts, concept.welding, concept.developer));
const date = fc.oneof(fc.constantFrom("2020-01", "2020-01-15", "1899-12-31", "2999-01-01", "2021-02-29"), nasty);
const level = fc.oneof(fc.integer({ min: -2, max: 7 }), fc.constant(null));

// ---------------------------------------------------------------------------------------------
// Actions

type Action = (input: never) => Promise<unknown>;

function isActionResult(value: unknown): value is { ok: boolean; code?: string } {
  return typeof value === "object" && value !== null && "ok" in value && typeof value.ok === "boolean";
}

const runs = { numRuns: 40 };

async function checkAction(action: Action, input: fc.Arbitrary<unknown>) {
  await fc.assert(
    fc.asyncProperty(input, async (raw) => {
      const before = { counts: await tableCounts(db()), mine: await rowsOwnedBy(db(), me.id) };
      const result: unknown = await action(raw as never);
      expect(isActionResult(result)).toBe(true);
      if (!isActionResult(result)) return;
      // "internal" is the action wrapper's 500: an input the schema let through and the code could not handle.
      expect(result.code).not.toBe("internal");
      expect(result.code).not.toBe("unauthorized");
      if (!result.ok) {
        expect(await tableCounts(db())).toEqual(before.counts);
        expect(await rowsOwnedBy(db(), me.id)).toEqual(before.mine);
      }
    }),
    runs,
  );
}

describe("server actions never fail with a 500 and write nothing when they refuse", () => {
  beforeEach(() => {
    state.user = me;
  });

  test("profile contact", async () => {
    await checkAction(
      profile.saveContactAction,
      fields({
        fullName: nasty,
        email: fc.oneof(fc.emailAddress(), nasty),
        addressLine: nasty,
        postalCode: nasty,
        city: nasty,
        country: nasty,
        phone: fc.oneof(fc.constantFrom("912 34 567", "+46 70 123 45 67", "0047 91234567"), nasty),
        preferredLanguage: fc.oneof(fc.constantFrom("nb", "en", ""), nasty),
      }, { fullName: "Kari", email: "kari@example.test", city: "Oslo", phone: "912 34 567" }),
    );
  });

  test("skills: add, change level, remove", async () => {
    await checkAction(profile.addSkillAction, fields({ conceptId: uuid(), customLabel: nasty, level }, { customLabel: "Egen ferdighet", level: 2 }));
    await checkAction(profile.updateSkillLevelAction, fields({ id: uuid(), level }));
    await checkAction(profile.removeSkillAction, fields({ id: uuid() }));
  });

  test("roles: add and remove", async () => {
    await checkAction(profile.addRoleAction, fields({ kind: fc.constantFrom("current", "target"), conceptId: uuid(), customLabel: nasty }, { kind: "target", customLabel: "Egen rolle" }));
    await checkAction(profile.removeRoleAction, fields({ id: uuid() }));
  });

  test("experience: create and update", async () => {
    const shape = {
      title: nasty,
      organisation: nasty,
      startDate: date,
      endDate: date,
      description: nasty,
      roleConceptId: uuid(),
      userSkillIds: fc.array(uuid(), { maxLength: 60 }),
    };
    const base = { title: "Utvikler", organisation: "Acme", startDate: "2020-01", description: "Kode" };
    await checkAction(profile.createExperienceAction, fields(shape, base));
    const created = await profile.createExperienceAction(base);
    if (!created.ok) throw new Error("setup failed");
    await checkAction(profile.updateExperienceAction, fields({ ...shape, id: uuid() }, { ...base, id: created.data.id }));
  });

  test("education: create and update", async () => {
    const shape = { institution: nasty, qualification: nasty, level: nasty, field: nasty, startDate: date, endDate: date };
    const base = { institution: "UiO", qualification: "Bachelor", level: "bachelor", field: "Informatikk", startDate: "2015-08" };
    await checkAction(profile.createEducationAction, fields(shape, base));
    const created = await profile.createEducationAction(base);
    if (!created.ok) throw new Error("setup failed");
    await checkAction(profile.updateEducationAction, fields({ ...shape, id: uuid() }, { ...base, id: created.data.id }));
  });

  test("privacy flags, consent, policy acknowledgement and the cookie choice", async () => {
    await checkAction(privacy.setRestrictionAction, fields({ restricted: fc.boolean() }));
    await checkAction(privacy.setObjectionAction, fields({ objected: fc.boolean() }));
    await checkAction(privacy.setConsentAction, fields({ purpose: fc.constantFrom("analytics", "newsletter", "marketing"), granted: fc.boolean() }));
    await checkAction(privacy.acknowledgePolicyAction, fields({ policyVersionId: fc.oneof(fc.constant(policyVersionId), fc.integer()) }));
    await checkAction(privacy.saveCookieChoice, fields({ analytics: fc.boolean(), source: fc.constantFrom("cookie_banner", "settings") }));
  });

  test("account deletion with an arbitrary confirmation keeps the account", async () => {
    await checkAction(privacy.deleteAccountAction, fields({ confirmEmail: nasty }, { confirmEmail: "someone.else@example.test" }));
  });

  test("matching: I have this, not for me, read skills from text; page views", async () => {
    await checkAction(matching.haveSkillAction, fields({ conceptId: uuid() }));
    await checkAction(matching.dismissSuggestionAction, fields({ conceptId: uuid() }));
    await checkAction(matching.extractSkillsAction, fields({ text: nasty, lang: fc.constantFrom("nb", "en") }, { text: "Jeg kan TypeScript og sveising", lang: "nb" }));
    await checkAction(activity.countPageView, fields({ pathname: fc.oneof(fc.constantFrom("/profile", "/matches", `/roles/${concept.developer}`), nasty) }));
  });
});

// ---------------------------------------------------------------------------------------------
// Route handlers

async function checkRoute(make: fc.Arbitrary<() => Promise<Response>>, ok: number[]) {
  await fc.assert(
    fc.asyncProperty(make, async (send) => {
      const before = await tableCounts(db());
      const response = await send();
      expect(response.status).toBeLessThan(500);
      if (response.status >= 400) {
        expect(await tableCounts(db())).toEqual(before);
        const body: unknown = await response.json();
        expect(body).toMatchObject({});
      } else {
        expect(ok).toContain(response.status);
      }
    }),
    runs,
  );
}

describe("route handlers answer 2xx or 4xx to anything", () => {
  test("GET /api/search with arbitrary q, type, lang and limit, signed in or not", async () => {
    const param = fc.option(fc.oneof(nasty, fc.integer().map(String), fc.constantFrom("skill", "role", "nb", "en", "10", "-1", "1e3", "0x10")), { nil: undefined });
    await checkRoute(
      fc.record({ q: param, type: param, lang: param, limit: param, signedIn: fc.boolean() }).map((p) => async () => {
        state.user = p.signedIn ? me : null;
        const params = new URLSearchParams();
        for (const key of ["q", "type", "lang", "limit"] as const) {
          const value = p[key];
          if (value !== undefined) params.set(key, value);
        }
        return search.GET(new Request(`http://localhost/api/search?${params.toString()}`));
      }),
      [200],
    );
  });

  test("POST /api/search (a type-ahead choice) with arbitrary bodies", async () => {
    const choice = fields({ q: nasty, type: fc.oneof(fc.constantFrom("skill", "role"), nasty), conceptId: fc.oneof(uuid(), fc.constant(concept.developer)) }, { q: "utv", type: "role", conceptId: concept.developer });
    await checkRoute(
      fc.record({ body: fc.oneof(choice.map((v) => JSON.stringify(v) ?? ""), nasty), signedIn: fc.boolean() }).map((p) => async () => {
        state.user = p.signedIn ? me : null;
        return search.POST(new Request("http://localhost/api/search", { method: "POST", body: p.body, headers: { "content-type": "application/json" } }));
      }),
      [200],
    );
  });

  test("POST /api/match with arbitrary bodies", async () => {
    state.user = me;
    const body = fc.oneof(
      fields({ skills: fc.array(fc.oneof(nasty, fc.constantFrom("TypeScript", "sveising")), { maxLength: 120 }), lang: fc.constantFrom("nb", "en"), limit: fc.integer({ min: -5, max: 200 }) }, { skills: ["TypeScript", "Rust"], lang: "en", limit: 5 }).map((v) =>
        JSON.stringify(v) ?? "",
      ),
      nasty,
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
    );
    await checkRoute(
      body.map((text) => async () =>
        match.POST(new Request("http://localhost/api/match", { method: "POST", body: text, headers: { "content-type": "application/json" } })),
      ),
      [200],
    );
  });

  test("POST /api/webhooks/clerk with arbitrary bodies, unsigned and correctly signed", async () => {
    const signer = new Webhook(webhookSecret);
    const data = fields({
      id: fc.oneof(fc.constantFrom("user_fuzz_1", "user_fuzz_2"), nasty),
      user_id: nasty,
      email_addresses: fc.array(fields({ id: nasty, email_address: fc.oneof(fc.emailAddress(), nasty) }), { maxLength: 3 }),
      primary_email_address_id: nasty,
      first_name: nasty,
      last_name: nasty,
      username: nasty,
      public_metadata: fields({ role: fc.oneof(fc.constantFrom("admin", "user"), anyValue) }),
    }, {
      id: "user_fuzz_3",
      email_addresses: [{ id: "e1", email_address: "fuzz3@example.test" }],
      primary_email_address_id: "e1",
      first_name: "Fuzz",
      last_name: "Tester",
    });
    const event = fc.oneof(
      fc.record({ type: fc.oneof(fc.constantFrom("user.created", "user.updated", "user.deleted", "session.created", "email.created"), nasty), data }).map((v) => JSON.stringify(v)),
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
      nasty,
    );
    await fc.assert(
      fc.asyncProperty(event, fc.boolean(), async (body, signed) => {
        const before = await tableCounts(db());
        const id = `msg_${Math.random().toString(36).slice(2)}`;
        const at = new Date();
        const headers: Record<string, string> = { "content-type": "application/json" };
        if (signed) Object.assign(headers, { "svix-id": id, "svix-timestamp": String(Math.floor(at.getTime() / 1000)), "svix-signature": signer.sign(id, at, body) });
        const response = await webhook.POST(new Request("http://localhost/api/webhooks/clerk", { method: "POST", body, headers }));
        expect(response.status).toBeLessThan(500);
        if (!signed) expect(response.status).toBe(400);
        if (response.status >= 400) expect(await tableCounts(db())).toEqual(before);
      }),
      runs,
    );
  });

  test("every nasty string, as a search text, a skill name, pasted text and a Clerk name", async () => {
    const signer = new Webhook(webhookSecret);
    for (const [i, text] of nastyStrings.entries()) {
      state.user = me;
      const searched = await search.GET(new Request(`http://localhost/api/search?${new URLSearchParams({ q: text, type: "skill" }).toString()}`));
      expect([text, searched.status]).toEqual([text, text.trim().length > 200 ? 400 : 200]);
      const matched = await match.POST(new Request("http://localhost/api/match", { method: "POST", body: JSON.stringify({ skills: [text, "TypeScript"] }) }));
      expect([text, matched.status]).toEqual([text, text.trim() === "" ? 400 : 200]);
      const extracted = await matching.extractSkillsAction({ text: `${text} TypeScript`, lang: "nb" });
      expect([text, extracted.ok]).toEqual([text, true]);
      const body = JSON.stringify({
        type: "user.created",
        data: { id: `user_nasty_${i}`, email_addresses: [{ id: "e", email_address: `n${i}@example.test` }], primary_email_address_id: "e", first_name: text, last_name: text, username: text },
      });
      const at = new Date();
      const hooked = await webhook.POST(
        new Request("http://localhost/api/webhooks/clerk", {
          method: "POST",
          body,
          headers: { "svix-id": `msg_${i}`, "svix-timestamp": String(Math.floor(at.getTime() / 1000)), "svix-signature": signer.sign(`msg_${i}`, at, body) },
        }),
      );
      expect([text, hooked.status]).toEqual([text, 200]);
      for (const event of [
        { type: "user.deleted", data: { id: text } },
        { type: "session.created", data: { user_id: text } },
        { type: "user.updated", data: { id: text, first_name: text } },
      ]) {
        const raw = JSON.stringify(event);
        const signedAt = new Date();
        const response = await webhook.POST(
          new Request("http://localhost/api/webhooks/clerk", {
            method: "POST",
            body: raw,
            headers: { "svix-id": `msg_${i}_${event.type}`, "svix-timestamp": String(Math.floor(signedAt.getTime() / 1000)), "svix-signature": signer.sign(`msg_${i}_${event.type}`, signedAt, raw) },
          }),
        );
        expect([text, event.type, response.status < 500]).toEqual([text, event.type, true]);
      }
    }
  });
});
