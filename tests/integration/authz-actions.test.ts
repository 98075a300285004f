// Authorisation matrix over every server action ("use server" module export) and every route
// handler, with a second signed-in user: B calling with A's record ids is denied and changes none of
// A's rows; anonymous callers get `unauthorized` and write nothing; admin-only things are 404 /
// not_found to non-admins. A new action or route that is not listed here fails the inventory tests.
import { readdirSync, readFileSync } from "node:fs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { dbFrom, withTestAdapters } from "@tests/helpers/adapters";
import { parseEnv } from "@/env";
import { installAdapters } from "@/server/adapters";
import type { ActionResult } from "@/server/action";
import type { SessionUser } from "@/server/auth/types";
import { policyVersions } from "@/server/db/schema";
import { createTestDb, type TestDb } from "@tests/helpers/db";
import { insertTestConcepts, insertTestUser } from "@tests/helpers/profile-fixtures";
import { rowsOwnedBy, tableCounts } from "@tests/helpers/snapshots";

const state = vi.hoisted(() => ({
  user: null as SessionUser | null,
  t: undefined as TestDb | undefined,
  jar: new Map<string, string>(),
}));
const { Redirected } = vi.hoisted(() => ({
  Redirected: class Redirected extends Error {
    constructor(readonly url: string) {
      super(`redirect ${url}`);
    }
  },
}));

withTestAdapters(() => ({
  session: async () => state.user,
  db: dbFrom(state),
  config: localEnv,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (state.jar.has(name) ? { name, value: state.jar.get(name) } : undefined),
    set: (name: string, value: string) => void state.jar.set(name, value),
    delete: (name: string) => void state.jar.delete(name),
  }),
}));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Redirected(url);
  },
  notFound: () => {
    throw new Redirected("404");
  },
}));
const dataDir = mkdtempSync(path.join(tmpdir(), "evne-authz-"));
const cronSecret = "authz-cron-secret-0123456789";
const webhookSecret = `whsec_${Buffer.from("authz-webhook-secret-0123456789").toString("base64")}`;
const localEnv = parseEnv({
  NODE_ENV: "test",
  DATA_DIR: dataDir,
  SEARCH_LOG_KEY: "k1:authz-search-log-secret-0123456789",
  CRON_SECRET: cronSecret,
  CLERK_WEBHOOK_SIGNING_SECRET: webhookSecret,
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// ---------------------------------------------------------------------------------------------
// Inventory: every "use server" module under src/ and every route handler under src/app/api.

const srcDir = path.resolve(import.meta.dirname, "../../src");

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return walk(full);
    return /\.(ts|tsx)$/.test(e.name) ? [full] : [];
  });
}

/** True when the file's first statement (after comments) is the "use server" directive. */
function isServerModule(text: string): boolean {
  const body = text.replace(/^(\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/))*\s*/, "");
  return /^["']use server["']/.test(body);
}

const serverModules = walk(srcDir).filter((f) => isServerModule(readFileSync(f, "utf8")));
const routeFiles = walk(path.join(srcDir, "app/api")).filter((f) => path.basename(f) === "route.ts");
const keyOf = (file: string) => path.relative(srcDir, file).replace(/\\/g, "/").replace(/\.tsx?$/, "");

type AnyAction = (input: unknown) => Promise<unknown>;
type AnyRoute = (request: Request, context?: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function loadActions(): Promise<Map<string, AnyAction>> {
  const out = new Map<string, AnyAction>();
  for (const file of serverModules) {
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value !== "function") throw new Error(`${keyOf(file)} exports ${name}, which is not a function`);
      out.set(`${keyOf(file)}#${name}`, value as AnyAction);
    }
  }
  return out;
}

const httpMethods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

async function loadRoutes(): Promise<Map<string, AnyRoute>> {
  const out = new Map<string, AnyRoute>();
  for (const file of routeFiles) {
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const method of httpMethods) {
      const handler = mod[method];
      if (typeof handler === "function") out.set(`${method} ${keyOf(file).replace(/^app\//, "/").replace(/\/route$/, "")}`, handler as AnyRoute);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The world each test starts from: user A with one of everything, user B, and an admin.

type World = {
  a: SessionUser;
  b: SessionUser;
  admin: SessionUser;
  concept: { ts: string; welding: string; developer: string };
  skillId: string;
  customSkillId: string;
  roleId: string;
  experienceId: string;
  educationId: string;
  policyVersionId: number;
  pngForm: () => Promise<FormData>;
};

function sessionUser(id: string, email: string, isAdmin = false): SessionUser {
  return { id, email, displayName: email.split("@")[0] ?? email, isAdmin, locale: "nb", restricted: false, objected: false };
}

function must<T>(result: unknown): T {
  const r = result as ActionResult<T>;
  if (!r.ok) throw new Error(`setup failed: ${r.code} ${r.error}`);
  return r.data;
}

async function pngForm(): Promise<FormData> {
  const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: { r: 10, g: 120, b: 200 } } }).png().toBuffer();
  const form = new FormData();
  form.set("avatar", new File([new Uint8Array(png)], "me.png", { type: "image/png" }));
  return form;
}

let actions: Map<string, AnyAction>;
let routes: Map<string, AnyRoute>;
let w: World;

const call = (key: string, input: unknown) => {
  const fn = actions.get(key);
  if (!fn) throw new Error(`no action ${key}`);
  return fn(input);
};

async function buildWorld(t: TestDb): Promise<World> {
  const concept = await insertTestConcepts(t.db);
  const a = sessionUser((await insertTestUser(t.db, "anne@example.test")).id, "anne@example.test");
  const b = sessionUser((await insertTestUser(t.db, "bjorn@example.test")).id, "bjorn@example.test");
  const admin = sessionUser((await insertTestUser(t.db, "admin@example.test")).id, "admin@example.test", true);
  const [pv] = await t.db
    .insert(policyVersions)
    .values({ version: "2.0", material: false, effectiveAt: new Date("2026-01-01T00:00:00Z"), summary: { nb: "Ny", en: "New" } })
    .returning({ id: policyVersions.id });
  if (!pv) throw new Error("no policy version");

  state.user = a;
  must(await call("server/profile/actions#saveContactAction", { fullName: "Anne Secret", email: "anne.private@example.test", city: "Bergen" }));
  const skill = must<{ id: string }>(await call("server/profile/actions#addSkillAction", { conceptId: concept.ts, level: 3 }));
  const custom = must<{ id: string }>(await call("server/profile/actions#addSkillAction", { customLabel: "Annes hemmelige ferdighet" }));
  const role = must<{ id: string }>(await call("server/profile/actions#addRoleAction", { kind: "target", conceptId: concept.developer }));
  const exp = must<{ id: string }>(
    await call("server/profile/actions#createExperienceAction", {
      title: "Annes hemmelige stilling",
      organisation: "Acme",
      startDate: "2020-01",
      userSkillIds: [skill.id],
    }),
  );
  const edu = must<{ id: string }>(
    await call("server/profile/actions#createEducationAction", { institution: "UiB", qualification: "Bachelor", startDate: "2015-08" }),
  );
  must(await call("server/profile/actions#uploadAvatarAction", await pngForm()));
  must(await call("server/privacy/actions#setConsentAction", { purpose: "newsletter", granted: true }));
  must(await call("server/matching/actions#dismissSuggestionAction", { conceptId: concept.welding }));
  must(await call("server/activity/actions#countPageView", { pathname: "/profile" }));
  state.user = null;
  return {
    a,
    b,
    admin,
    concept,
    skillId: skill.id,
    customSkillId: custom.id,
    roleId: role.id,
    experienceId: exp.id,
    educationId: edu.id,
    policyVersionId: pv.id,
    pngForm,
  };
}

// ---------------------------------------------------------------------------------------------
// The matrix. `record`: the input names A's records; B must be refused with `denied`, and A (the
// owner) succeeds with the same input afterwards, so the refusal is about ownership, not the input.
// `own`: no record of anyone else can be named; B's call succeeds and touches only B's rows.

type ActionSpec =
  | { access: "record"; input: (w: World) => unknown | Promise<unknown>; denied: "not_found" | "bad_request" }
  | { access: "own"; input: (w: World) => unknown | Promise<unknown> }
  | { access: "admin"; input: (w: World) => unknown }
  | { access: "public"; why: string; check: () => Promise<void> };

const job = { organisation: "Evil Corp", startDate: "2021-01" };
const school = { institution: "NTNU", qualification: "Master", startDate: "2019-08" };

const actionMatrix: Record<string, ActionSpec> = {
  "server/profile/actions#saveContactAction": { access: "own", input: () => ({ fullName: "Bjørn", city: "Tromsø" }) },
  "server/profile/actions#addSkillAction": { access: "own", input: (w) => ({ conceptId: w.concept.ts, level: 2 }) },
  "server/profile/actions#updateSkillLevelAction": { access: "record", input: (w) => ({ id: w.skillId, level: 1 }), denied: "not_found" },
  "server/profile/actions#removeSkillAction": { access: "record", input: (w) => ({ id: w.customSkillId }), denied: "not_found" },
  "server/profile/actions#addRoleAction": { access: "own", input: (w) => ({ kind: "current", conceptId: w.concept.developer }) },
  "server/profile/actions#removeRoleAction": { access: "record", input: (w) => ({ id: w.roleId }), denied: "not_found" },
  // B's new experience may not link A's skills: they are A's records too.
  "server/profile/actions#createExperienceAction": {
    access: "record",
    input: (w) => ({ title: "Linked", ...job, userSkillIds: [w.skillId] }),
    denied: "bad_request",
  },
  "server/profile/actions#updateExperienceAction": {
    access: "record",
    input: (w) => ({ id: w.experienceId, title: "Hacked", ...job, userSkillIds: [] }),
    denied: "not_found",
  },
  "server/profile/actions#deleteExperienceAction": { access: "record", input: (w) => ({ id: w.experienceId }), denied: "not_found" },
  "server/profile/actions#createEducationAction": { access: "own", input: () => school },
  "server/profile/actions#updateEducationAction": {
    access: "record",
    input: (w) => ({ id: w.educationId, ...school, institution: "Hacked" }),
    denied: "not_found",
  },
  "server/profile/actions#deleteEducationAction": { access: "record", input: (w) => ({ id: w.educationId }), denied: "not_found" },
  "server/profile/actions#uploadAvatarAction": { access: "own", input: (w) => w.pngForm() },
  "server/profile/actions#removeAvatarAction": { access: "own", input: () => ({}) },
  "server/matching/actions#haveSkillAction": { access: "own", input: (w) => ({ conceptId: w.concept.welding }) },
  "server/matching/actions#dismissSuggestionAction": { access: "own", input: (w) => ({ conceptId: w.concept.ts }) },
  "server/matching/actions#extractSkillsAction": { access: "own", input: () => ({ text: "Jeg kan TypeScript og sveising.", lang: "nb" }) },
  "server/matching/actions#makeTargetRoleAction": { access: "own", input: (w) => ({ conceptId: w.concept.developer }) },
  "server/activity/actions#countPageView": { access: "own", input: () => ({ pathname: "/matches" }) },
  "server/privacy/actions#setRestrictionAction": { access: "own", input: () => ({ restricted: true }) },
  "server/privacy/actions#setObjectionAction": { access: "own", input: () => ({ objected: true }) },
  "server/privacy/actions#setConsentAction": { access: "own", input: () => ({ purpose: "newsletter", granted: false }) },
  // Typing A's e-mail does not erase A: the confirmation must be the caller's own address.
  "server/privacy/actions#deleteAccountAction": { access: "record", input: (w) => ({ confirmEmail: w.a.email }), denied: "bad_request" },
  "server/privacy/actions#acknowledgePolicyAction": { access: "own", input: (w) => ({ policyVersionId: w.policyVersionId }) },
  "server/privacy/actions#publishPolicyAction": {
    access: "admin",
    input: () => ({ version: "3.0", summaryNb: "Endret", summaryEn: "Changed", material: false, effectiveDate: "2026-12-01" }),
  },
  "server/privacy/actions#saveCookieChoice": {
    access: "public",
    why: "the cookie banner is shown to everyone; signed out it only sets the consent cookie",
    check: async () => {
      const before = await tableCounts(db());
      expect(await call("server/privacy/actions#saveCookieChoice", { analytics: true })).toEqual({ ok: true, data: { analytics: true } });
      expect(state.jar.size).toBe(1);
      expect(await tableCounts(db())).toEqual(before);
    },
  },
  "server/auth/actions#setLocale": {
    access: "public",
    why: "language choice is a cookie for anyone",
    check: async () => {
      const before = await tableCounts(db());
      const form = new FormData();
      form.set("locale", "en");
      await call("server/auth/actions#setLocale", form);
      expect([...state.jar.values()]).toEqual(["en"]);
      expect(await tableCounts(db())).toEqual(before);
    },
  },
  "server/auth/actions#signOutLocal": {
    access: "public",
    why: "signing out only deletes the caller's own session cookie",
    check: async () => {
      const before = await tableCounts(db());
      await expect(call("server/auth/actions#signOutLocal", undefined)).rejects.toThrow("redirect /");
      expect(await tableCounts(db())).toEqual(before);
    },
  },
  "server/auth/actions#signInLocal": {
    access: "public",
    why: "it is the sign-in itself; it refuses to run at all when Clerk is configured (local mode is development only)",
    check: async () => {
      installAdapters({ config: parseEnv({ ...rawLocalEnv(), CLERK_SECRET_KEY: "sk_test_x", NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: "pk_test_x" }) });
      const before = await tableCounts(db());
      const form = new FormData();
      form.set("email", "anne@example.test");
      form.set("displayName", "Anne");
      const signIn = actions.get("server/auth/actions#signInLocal") as unknown as (prev: object, form: FormData) => Promise<unknown>;
      const result = await signIn({}, form);
      expect(result).toMatchObject({ error: "unavailable" });
      expect(state.jar.size).toBe(0);
      expect(await tableCounts(db())).toEqual(before);
    },
  },
};

function rawLocalEnv(): Record<string, string> {
  return {
    NODE_ENV: "test",
    DATA_DIR: dataDir,
    SEARCH_LOG_KEY: "k1:authz-search-log-secret-0123456789",
    CRON_SECRET: cronSecret,
    CLERK_WEBHOOK_SIGNING_SECRET: webhookSecret,
  };
}

function db() {
  if (!state.t) throw new Error("no test db");
  return state.t.db;
}

// One world for the whole file (building it per test is slow): each test compares snapshots taken
// at its own start, and the owner's own edits and deletes run last, in one test, in matrix order.
beforeAll(async () => {
  actions = await loadActions();
  routes = await loadRoutes();
  state.t = await createTestDb();
  w = await buildWorld(state.t);
});

beforeEach(() => {
  state.jar.clear();
  state.user = null;
});

afterAll(async () => {
  await state.t?.close();
  state.t = undefined;
});

describe("server action inventory", () => {
  test("finds the server action modules", () => {
    expect(serverModules.map(keyOf).sort()).toEqual(
      expect.arrayContaining(["server/privacy/actions", "server/profile/actions", "server/matching/actions"]),
    );
  });

  test("every exported server action is in the matrix, and every matrix entry still exists", () => {
    expect([...actions.keys()].sort()).toEqual(Object.keys(actionMatrix).sort());
  });
});

describe("server actions with a second user", () => {
  const entries = Object.entries(actionMatrix);

  test.each(entries.filter(([, s]) => s.access !== "public"))("%s: anonymous callers are refused and nothing is written", async (key, spec) => {
    if (spec.access === "public") throw new Error("unreachable");
    const before = { counts: await tableCounts(db()), a: await rowsOwnedBy(db(), w.a.id) };
    state.user = null;
    expect(await call(key, await spec.input(w))).toMatchObject({ ok: false, code: "unauthorized" });
    expect(await tableCounts(db())).toEqual(before.counts);
    expect(await rowsOwnedBy(db(), w.a.id)).toEqual(before.a);
    expect(state.jar.size).toBe(0);
  });

  test.each(entries.filter(([, s]) => s.access === "record"))("%s: B naming A's records is denied and A's rows are unchanged", async (key, spec) => {
    if (spec.access !== "record") throw new Error("unreachable");
    const before = { counts: await tableCounts(db()), a: await rowsOwnedBy(db(), w.a.id) };
    state.user = w.b;
    const result = await call(key, await spec.input(w));
    expect(result).toMatchObject({ ok: false, code: spec.denied });
    expect(await rowsOwnedBy(db(), w.a.id)).toEqual(before.a);
    expect(await tableCounts(db())).toEqual(before.counts);
  });

  test.each(entries.filter(([, s]) => s.access === "own"))("%s: B acts on B's own rows only", async (key, spec) => {
    if (spec.access !== "own") throw new Error("unreachable");
    const before = { a: await rowsOwnedBy(db(), w.a.id), b: await rowsOwnedBy(db(), w.b.id) };
    state.user = w.b;
    expect(await call(key, await spec.input(w))).toMatchObject({ ok: true });
    expect(await rowsOwnedBy(db(), w.a.id)).toEqual(before.a);
  });

  test.each(entries.filter(([, s]) => s.access === "admin"))("%s: not_found for a non-admin, allowed for an admin", async (key, spec) => {
    if (spec.access !== "admin") throw new Error("unreachable");
    const before = await tableCounts(db());
    state.user = w.b;
    expect(await call(key, spec.input(w))).toMatchObject({ ok: false, code: "not_found" });
    expect(await tableCounts(db())).toEqual(before);
    state.user = w.admin;
    expect(await call(key, spec.input(w))).toMatchObject({ ok: true });
  });

  test.each(entries.filter(([, s]) => s.access === "public"))("%s: public by design", async (_key, spec) => {
    if (spec.access !== "public") throw new Error("unreachable");
    expect(spec.why.length).toBeGreaterThan(10);
    state.user = null;
    await spec.check();
  });
});


// ---------------------------------------------------------------------------------------------
// Route handlers with a second user.

const get = (url: string, headers: Record<string, string> = {}) => new Request(`http://localhost${url}`, { headers });

function route(key: string): AnyRoute {
  const handler = routes.get(key);
  if (!handler) throw new Error(`no route ${key}`);
  return handler;
}

type RouteSpec = { access: "user" | "admin" | "public" | "cron" | "signed"; check: () => Promise<void> };

const routeMatrix: Record<string, RouteSpec> = {
  "GET /api/me/export": {
    access: "user",
    check: async () => {
      state.user = null;
      expect((await route("GET /api/me/export")(get("/api/me/export"))).status).toBe(401);
      state.user = w.b;
      const response = await route("GET /api/me/export")(get("/api/me/export"));
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text).toContain(w.b.id);
      for (const secret of [w.a.id, w.a.email, "anne.private@example.test", "Anne Secret", "Annes hemmelige", w.skillId, w.experienceId, w.educationId]) {
        expect(text).not.toContain(secret);
      }
    },
  },
  "GET /api/admin/trends/csv": {
    access: "admin",
    check: async () => {
      for (const user of [null, w.b, w.a]) {
        state.user = user;
        const response = await route("GET /api/admin/trends/csv")(get("/api/admin/trends/csv"));
        expect(response.status).toBe(404);
        expect(response.headers.get("content-type")).not.toContain("text/csv");
      }
      state.user = w.admin;
      expect((await route("GET /api/admin/trends/csv")(get("/api/admin/trends/csv"))).status).toBe(200);
    },
  },
  "POST /api/match": {
    access: "user",
    check: async () => {
      const before = await rowsOwnedBy(db(), w.a.id);
      const post = () =>
        route("POST /api/match")(
          new Request("http://localhost/api/match", { method: "POST", body: JSON.stringify({ skills: ["TypeScript"] }), headers: { "content-type": "application/json" } }),
        );
      state.user = null;
      expect((await post()).status).toBe(401);
      state.user = w.b;
      expect((await post()).status).toBe(200);
      expect(await rowsOwnedBy(db(), w.a.id)).toEqual(before);
    },
  },
  "GET /api/search": {
    access: "public",
    check: async () => {
      const before = await rowsOwnedBy(db(), w.a.id);
      state.user = w.b;
      const response = await route("GET /api/search")(get("/api/search?q=type&type=skill&lang=en"));
      expect(response.status).toBe(200);
      expect(await rowsOwnedBy(db(), w.a.id)).toEqual(before);
    },
  },
  "POST /api/search": {
    access: "public",
    check: async () => {
      // A chosen type-ahead result is logged under the asker's own pseudonym only: nothing of A's changes.
      const before = await rowsOwnedBy(db(), w.a.id);
      const choose = () =>
        route("POST /api/search")(
          new Request("http://localhost/api/search", {
            method: "POST",
            body: JSON.stringify({ q: "type", type: "skill", conceptId: w.concept.ts }),
            headers: { "content-type": "application/json" },
          }),
        );
      state.user = null;
      expect((await choose()).status).toBe(200);
      state.user = w.b;
      expect((await choose()).status).toBe(200);
      const unknown = JSON.stringify({ q: "type", type: "skill", conceptId: "00000000-0000-4000-8000-000000000000" });
      const response = await route("POST /api/search")(new Request("http://localhost/api/search", { method: "POST", body: unknown, headers: { "content-type": "application/json" } }));
      expect(response.status).toBe(404);
      expect(await rowsOwnedBy(db(), w.a.id)).toEqual(before);
    },
  },
  "GET /api/files/[key]": {
    access: "public",
    check: async () => {
      // Avatar files are served by an unguessable random key; a signed-in user gains nothing over anyone else.
      state.user = w.b;
      for (const key of ["../pglite/PG_VERSION", "..%2Fpglite", "avatar-00000000-0000-0000-0000-000000000000.webp"]) {
        const response = await route("GET /api/files/[key]")(get(`/api/files/${key}`), { params: Promise.resolve({ key }) });
        expect(response.status).toBe(404);
      }
    },
  },
  "GET /api/schemas/export-v1.json": {
    access: "public",
    check: async () => {
      expect((await route("GET /api/schemas/export-v1.json")(get("/api/schemas/export-v1.json"))).status).toBe(200);
    },
  },
  "GET /api/cron/erasure-jobs": {
    access: "cron",
    check: async () => {
      const before = await tableCounts(db());
      for (const user of [w.b, w.admin]) {
        state.user = user;
        expect((await route("GET /api/cron/erasure-jobs")(get("/api/cron/erasure-jobs"))).status).toBe(401);
        expect((await route("GET /api/cron/erasure-jobs")(get("/api/cron/erasure-jobs", { authorization: "Bearer wrong" }))).status).toBe(401);
      }
      expect(await tableCounts(db())).toEqual(before);
      expect((await route("GET /api/cron/erasure-jobs")(get("/api/cron/erasure-jobs", { authorization: `Bearer ${cronSecret}` }))).status).toBe(200);
    },
  },
  "GET /api/cron/stats-rollup": {
    access: "cron",
    check: async () => {
      const before = await tableCounts(db());
      for (const user of [w.b, w.admin]) {
        state.user = user;
        expect((await route("GET /api/cron/stats-rollup")(get("/api/cron/stats-rollup"))).status).toBe(401);
      }
      expect(await tableCounts(db())).toEqual(before);
      expect((await route("GET /api/cron/stats-rollup")(get("/api/cron/stats-rollup", { authorization: `Bearer ${cronSecret}` }))).status).toBe(200);
    },
  },
  "POST /api/webhooks/clerk": {
    access: "signed",
    check: async () => {
      // A signed-in user posting an unsigned "user.deleted" for A erases nothing.
      const before = { counts: await tableCounts(db()), a: await rowsOwnedBy(db(), w.a.id) };
      state.user = w.b;
      const body = JSON.stringify({ type: "user.deleted", data: { id: "user_anne", deleted: true } });
      const response = await route("POST /api/webhooks/clerk")(
        new Request("http://localhost/api/webhooks/clerk", { method: "POST", body, headers: { "content-type": "application/json" } }),
      );
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(await tableCounts(db())).toEqual(before.counts);
      expect(await rowsOwnedBy(db(), w.a.id)).toEqual(before.a);
    },
  },
};

describe("route handler inventory", () => {
  test("every route handler is in the matrix, and every matrix entry still exists", () => {
    expect([...routes.keys()].sort()).toEqual(Object.keys(routeMatrix).sort());
  });
});

describe("route handlers with a second user", () => {
  test.each(Object.entries(routeMatrix))("%s", async (_key, spec) => {
    await spec.check();
  });
});

describe("the owner", () => {
  // Last in the file: these edit and delete A's records. Matrix order puts each update before its delete.
  test("may do with A's records what B was refused, with the very same inputs", async () => {
    state.user = w.a;
    for (const [key, spec] of Object.entries(actionMatrix)) {
      if (spec.access !== "record" || key.endsWith("#deleteAccountAction")) continue; // A erasing A: privacy tests
      expect([key, await call(key, await spec.input(w))]).toMatchObject([key, { ok: true }]);
    }
  });
});
