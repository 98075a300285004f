// When a remote service fails (OpenAI, Uploadthing, Clerk), the user gets a clear answer or a
// degraded result, and nothing already saved is lost. Remote HTTP is msw; the rest is real.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { delay, http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import sharp from "sharp";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { dbFrom, withTestAdapters } from "@tests/helpers/adapters";
import { parseEnv } from "@/env";
import type { SessionUser } from "@/server/auth/types";
import { erasureJobs, profiles, searchLog, userSkills } from "@/server/db/schema";
import type { Embedder } from "@/server/embeddings/types";
import { createTestDb, type TestDb } from "@tests/helpers/db";
import { rowsLeftFor, testRing, userWithEverything } from "@tests/helpers/privacy";
import { rowsOwnedBy } from "@tests/helpers/snapshots";
import { seedMatchingTaxonomy, type Fixture } from "./matching-fixtures";

const state = vi.hoisted(() => ({
  user: null as SessionUser | null,
  t: undefined as TestDb | undefined,
  embedder: undefined as Embedder | undefined,
}));

withTestAdapters(() => ({
  session: async () => state.user,
  db: dbFrom(state),
  config,
  keyring: () => testRing,
  // The test swaps embedders mid-test (a shorter timeout): the app's embedder asks for the current one.
  embedder: { model: "text-embedding-3-small", embed: (texts) => need(state.embedder, "no test embedder").embed(texts) },
}));

function need<T>(value: T | undefined, message: string): T {
  if (value === undefined) throw new Error(message);
  return value;
}
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }) }));

// ---------------------------------------------------------------------------------------------
// The remote services, as msw sees them.

type Mode = "ok" | "fail" | "hang";
const remote = { embeddings: "fail" as Mode, chat: "fail" as Mode, uploadthing: "fail" as Mode, clerk: "fail" as Mode };
const calls = { embeddings: 0, chat: 0, uploads: 0, utDeletes: [] as unknown[], clerkDeletes: [] as string[] };

const server = setupServer(
  http.post("https://api.openai.com/v1/embeddings", async () => {
    calls.embeddings++;
    if (remote.embeddings === "hang") await delay("infinite");
    return HttpResponse.json({ error: { message: "The server had an error", type: "server_error" } }, { status: 500, headers: { "retry-after-ms": "1" } });
  }),
  http.post("https://api.openai.com/v1/chat/completions", () => {
    calls.chat++;
    return HttpResponse.json({ error: { message: "The server had an error", type: "server_error" } }, { status: 500 });
  }),
  http.put("https://fra1.ingest.uploadthing.com/*", () => {
    calls.uploads++;
    return HttpResponse.json({ error: "Internal server error" }, { status: 500 });
  }),
  http.post("https://api.uploadthing.com/v6/deleteFiles", async ({ request }) => {
    calls.utDeletes.push(await request.json());
    return HttpResponse.json({ success: true, deletedCount: 1 });
  }),
  http.delete("https://api.clerk.com/v1/users/:id", ({ params }) => {
    calls.clerkDeletes.push(String(params.id));
    if (remote.clerk === "fail") return HttpResponse.json({ errors: [{ code: "internal_error", message: "boom" }] }, { status: 500 });
    return HttpResponse.json({ id: params.id, object: "user", deleted: true });
  }),
);

const dataDir = mkdtempSync(path.join(tmpdir(), "evne-remote-"));
const cronSecret = "remote-cron-secret-0123456789";
const utToken = Buffer.from(JSON.stringify({ apiKey: "sk_test_remote0123456789", appId: "app1", regions: ["fra1"] })).toString("base64");
// Every production adapter, each pointed at msw.
const config = parseEnv({
  NODE_ENV: "test",
  DATA_DIR: dataDir,
  OPENAI_API_KEY: "sk-test",
  UPLOADTHING_TOKEN: utToken,
  CLERK_SECRET_KEY: "sk_test_remote",
  NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: "pk_test_cmVtb3RlLmNsZXJrLmFjY291bnRzLmRldiQ",
  CRON_SECRET: cronSecret,
});

const { createOpenAIEmbedder } = await import("@/server/embeddings/openai");
const search = await import("@/app/api/search/route");
const match = await import("@/app/api/match/route");
const cron = await import("@/app/api/cron/erasure-jobs/route");
const matchingActions = await import("@/server/matching/actions");
const profileActions = await import("@/server/profile/actions");
const privacyActions = await import("@/server/privacy/actions");

let f: Fixture;
let me: SessionUser;

/** The production embedder against the msw'd API; the SDK retries (its back-off is short: see retry-after-ms above). */
function openAIEmbedder(timeoutMs = 30_000): Embedder {
  return createOpenAIEmbedder({ apiKey: "sk-test", maxRetries: 2, timeoutMs });
}

beforeAll(async () => {
  server.listen({ onUnhandledFrame: "error" });
  state.t = await createTestDb();
  f = await seedMatchingTaxonomy(state.t.db);
  const { user } = await userWithEverything(state.t.db);
  await state.t.db.insert(userSkills).values({ userId: user.id, conceptId: f.skill.python, level: 4 });
  me = { id: user.id, email: user.email, displayName: user.displayName, isAdmin: false, locale: "en", restricted: false, objected: false };
});

beforeEach(() => {
  Object.assign(remote, { embeddings: "fail", chat: "fail", uploadthing: "fail", clerk: "fail" });
  Object.assign(calls, { embeddings: 0, chat: 0, uploads: 0, utDeletes: [], clerkDeletes: [] });
  state.user = me;
  state.embedder = openAIEmbedder();
});

afterEach(() => server.resetHandlers());

afterAll(async () => {
  server.close();
  await state.t?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function db() {
  if (!state.t) throw new Error("no test db");
  return state.t.db;
}

const searchFor = (q: string) => search.GET(new Request(`http://localhost/api/search?${new URLSearchParams({ q, type: "skill", lang: "en" }).toString()}`));

describe("OpenAI embeddings failing", () => {
  test("search falls back to its lexical results when the API answers 500 every time", async () => {
    const logged = (await db().select().from(searchLog)).length;
    const response = await searchFor("pyton");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { results: { conceptId: string; label: string }[] };
    expect(body.results.map((r) => r.label)).toContain("Python");
    expect(calls.embeddings).toBe(3); // the first try and two retries, then it gave up
    // A type-ahead request is not a search a person made: nothing is logged.
    expect((await db().select().from(searchLog)).length).toBe(logged);
  });

  test("search falls back to its lexical results when the API does not answer at all", async () => {
    remote.embeddings = "hang";
    state.embedder = openAIEmbedder(150);
    const response = await searchFor("pyton");
    expect(response.status).toBe(200);
    expect(((await response.json()) as { results: { label: string }[] }).results.map((r) => r.label)).toContain("Python");
    expect(calls.embeddings).toBe(3);
  });

  test("matching says plainly that it is unavailable, and the profile is kept", async () => {
    const before = await rowsOwnedBy(db(), me.id);
    const response = await match.POST(
      new Request("http://localhost/api/match", { method: "POST", body: JSON.stringify({ skills: ["Python", "SQL", "React.js"] }), headers: { "content-type": "application/json" } }),
    );
    expect(response.status).toBe(503);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("unavailable");
    expect(body.error.message).toMatch(/try again/i);
    expect(await rowsOwnedBy(db(), me.id)).toEqual(before);
  });
});

describe("OpenAI skill extraction failing", () => {
  test("reading skills from text returns a clear error and adds nothing", async () => {
    const before = await rowsOwnedBy(db(), me.id);
    const result = await matchingActions.extractSkillsAction({ text: "I write Python and SQL every day.", lang: "en" });
    expect(result).toMatchObject({ ok: false, code: "unavailable" });
    if (result.ok) throw new Error("unreachable");
    expect(result.error).toMatch(/try again/i);
    expect(calls.chat).toBeGreaterThan(0);
    expect(await rowsOwnedBy(db(), me.id)).toEqual(before);
  });
});

describe("Uploadthing failing", () => {
  test("an avatar upload that cannot be stored is a clear error; the old avatar and the profile stay", async () => {
    await db().update(profiles).set({ avatarKey: "old-avatar-key", avatarUrl: "https://utfs.io/f/old-avatar-key", avatarStorage: "uploadthing" }).where(eq(profiles.userId, me.id));
    const before = await rowsOwnedBy(db(), me.id);
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: { r: 1, g: 2, b: 3 } } }).png().toBuffer();
    const form = new FormData();
    form.set("avatar", new File([new Uint8Array(png)], "me.png", { type: "image/png" }));

    const result = await profileActions.uploadAvatarAction(form);
    expect(result).toMatchObject({ ok: false, code: "unavailable" });
    expect(calls.uploads).toBeGreaterThan(0);
    expect(calls.utDeletes).toEqual([]);
    expect(await rowsOwnedBy(db(), me.id)).toEqual(before);
  });
});

describe("Clerk Backend API failing on user deletion", () => {
  test("erasure still removes our rows; the Clerk deletion stays queued and a later cron run finishes it", async () => {
    const { user } = await userWithEverything(db(), { clerkId: "user_remote_500", avatar: "uploadthing" });
    state.user = { id: user.id, email: user.email, displayName: user.displayName, isAdmin: false, locale: "nb", restricted: false, objected: false };

    const result = await privacyActions.deleteAccountAction({ confirmEmail: user.email });
    expect(result).toEqual({ ok: true, data: { redirectTo: "/settings/privacy/deleted" } });
    expect(await rowsLeftFor(db(), user.id, testRing)).toEqual({});
    expect(calls.clerkDeletes).toEqual(["user_remote_500"]);

    const [job] = await db().select().from(erasureJobs).where(eq(erasureJobs.remoteId, "user_remote_500"));
    expect(job).toMatchObject({ target: "clerk_user", attempts: 1, doneAt: null });
    expect(job?.lastError).toBeTruthy();

    // A minute later Clerk is back; the cron run retries the due job and marks it done.
    remote.clerk = "ok";
    await db().update(erasureJobs).set({ nextAttemptAt: sql`now() - interval '1 second'` }).where(eq(erasureJobs.remoteId, "user_remote_500"));
    const response = await cron.GET(new Request("http://localhost/api/cron/erasure-jobs", { headers: { authorization: `Bearer ${cronSecret}` } }));
    expect(response.status).toBe(200);
    expect(calls.clerkDeletes).toEqual(["user_remote_500", "user_remote_500"]);
    const [done] = await db().select().from(erasureJobs).where(eq(erasureJobs.remoteId, "user_remote_500"));
    expect(done).toMatchObject({ attempts: 2, lastError: null });
    expect(done?.doneAt).toBeInstanceOf(Date);
  });
});
