import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { dbFrom, withTestAdapters } from "@tests/helpers/adapters";
import type { SessionUser } from "@/server/auth/types";
import { createTestDb, type TestDb } from "@tests/helpers/db";
import { insertTestUser } from "@tests/helpers/profile-fixtures";

// Issue 14, point 8: expensive actions and pages are limited per user; anonymous limits use an
// address clients cannot forge.
const state = vi.hoisted(() => ({ user: null as SessionUser | null, t: undefined as TestDb | undefined, headers: new Headers(), pageLimits: [] as string[] }));
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
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({ headers: async () => state.headers, cookies: async () => ({ get: () => undefined }) }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Redirected(url);
  },
  notFound: () => {
    throw new Redirected("404");
  },
}));

const dataDir = mkdtempSync(path.join(tmpdir(), "evne-ratelimit-"));
beforeAll(async () => {
  vi.stubEnv("DATA_DIR", dataDir);
  vi.stubEnv("SEARCH_LOG_KEY", "k1:ratelimit-test-secret-0123456789");
  vi.stubEnv("OPENAI_API_KEY", "");
  vi.stubEnv("UPLOADTHING_TOKEN", "");
});
beforeEach(async () => {
  await state.t?.close();
  state.t = await createTestDb();
  const row = await insertTestUser(state.t.db, "limited@example.test");
  state.user = { id: row.id, email: "limited@example.test", displayName: "L", isAdmin: false, locale: "en", restricted: false, objected: false };
});
afterAll(async () => {
  await state.t?.close();
  vi.unstubAllEnvs();
  rmSync(dataDir, { recursive: true, force: true });
});

async function codesOf(n: number, run: () => Promise<unknown>): Promise<string[]> {
  const codes: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = (await run()) as { ok: boolean; code?: string };
    codes.push(r.ok ? "ok" : (r.code ?? "?"));
  }
  return codes;
}

describe("per-user limits on expensive actions", () => {
  test("skill extraction (an OpenAI call) stops after 10 in ten minutes", async () => {
    const { extractSkillsAction } = await import("@/server/matching/actions");
    const codes = await codesOf(11, () => extractSkillsAction({ text: "I weld and I drive forklifts", lang: "en" }));
    expect(codes.slice(0, 10).every((c) => c !== "rate_limited")).toBe(true);
    expect(codes[10]).toBe("rate_limited");
  });

  test("avatar processing stops after 10 in ten minutes", async () => {
    const { uploadAvatarAction } = await import("@/server/profile/actions");
    const form = () => {
      const f = new FormData();
      f.set("avatar", new Blob([new Uint8Array([1, 2, 3])], { type: "image/png" }));
      return f;
    };
    const codes = await codesOf(11, () => uploadAvatarAction(form()));
    expect(codes.slice(0, 10)).not.toContain("rate_limited");
    expect(codes[10]).toBe("rate_limited");
  });
});

describe("expensive pages", () => {
  test("/matches sends a user over the limit to /too-many-requests", async () => {
    const { limitPage } = await import("@/server/http/page-limit");
    for (let i = 0; i < 30; i++) await limitPage("matches", state.user);
    await expect(limitPage("matches", state.user)).rejects.toMatchObject({ url: expect.stringMatching(/^\/too-many-requests\?retry=\d+$/) });
  });

  test("/roles/[id] limits anonymous visitors by trusted address, not by a forged header", async () => {
    const { limitPage } = await import("@/server/http/page-limit");
    for (let i = 0; i < 30; i++) {
      state.headers = new Headers({ "x-forwarded-for": `10.0.0.${i}` }); // a new forged address every time
      await limitPage("role_page", null);
    }
    await expect(limitPage("role_page", null)).rejects.toBeInstanceOf(Redirected);
  });

  test("both pages call the limiter before doing any work", async () => {
    vi.resetModules();
    vi.doMock("@/server/http/page-limit", () => ({
      limitPage: async (action: string) => {
        state.pageLimits.push(action);
        throw new Redirected("/too-many-requests?retry=1");
      },
    }));
    // Fresh modules hold fresh adapters: hand the same test ones in again.
    (await import("@/server/adapters")).installAdapters({ session: async () => state.user });
    const { default: MatchesPage } = await import("@/app/matches/page");
    const { default: RolePage } = await import("@/app/roles/[id]/page");
    await expect(MatchesPage()).rejects.toBeInstanceOf(Error);
    await expect(RolePage({ params: Promise.resolve({ id: "00000000-0000-4000-8000-000000000000" }), searchParams: Promise.resolve({}) })).rejects.toBeInstanceOf(Error);
    expect(state.pageLimits).toEqual(["matches", "role_page"]);
    vi.doUnmock("@/server/http/page-limit");
  });
});

describe("anonymous addresses", () => {
  test("only a source the deployment controls is trusted", async () => {
    const { searchRateLimit } = await import("@/server/ratelimit");
    const { trustedClientAddress, addressSourceFrom } = await import("@/server/http/client-address");
    const forged = new Headers({ "x-forwarded-for": "1.2.3.4, 203.0.113.9", "x-real-ip": "1.2.3.4" });
    expect(trustedClientAddress(forged, addressSourceFrom({}))).toBe("anonymous");
    expect(trustedClientAddress(forged, addressSourceFrom({ TRUSTED_PROXY: 1 }))).toBe("203.0.113.9");
    const vercel = new Headers({ "x-forwarded-for": "1.2.3.4", "x-vercel-forwarded-for": "198.51.100.7" });
    expect(trustedClientAddress(vercel, addressSourceFrom({ VERCEL: "1" }))).toBe("198.51.100.7");
    // off Vercel with no proxy configured, changing X-Forwarded-For does not give a fresh bucket
    const a = searchRateLimit(null, new Headers({ "x-forwarded-for": "10.0.0.1" }), addressSourceFrom({}));
    const b = searchRateLimit(null, new Headers({ "x-forwarded-for": "10.0.0.2" }), addressSourceFrom({}));
    expect(a.key).toBe(b.key);
  });
});
