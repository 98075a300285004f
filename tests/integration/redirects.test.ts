import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { dbFrom, withTestAdapters } from "@tests/helpers/adapters";
import type { SessionUser } from "@/server/auth/types";
import { safeNextPath } from "@/server/http/safe-redirect";
import { createTestDb, type TestDb } from "@tests/helpers/db";

// Issue 14, point 8: redirect targets accept only same-origin paths.
const state = vi.hoisted(() => ({ user: null as SessionUser | null, t: undefined as TestDb | undefined }));
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
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }) }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Redirected(url);
  },
}));

const dataDir = mkdtempSync(path.join(tmpdir(), "evne-redirects-"));
beforeAll(async () => {
  vi.stubEnv("DATA_DIR", dataDir);
  state.t = await createTestDb();
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await state.t?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const hostile = ["/%5Cevil.example", "/\\evil.example", "//evil.example", "/%2F%2Fevil.example", "https://evil.example", "/\t/evil.example", "javascript:alert(1)", "%2F%2Fevil.example"];

async function redirectOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (error instanceof Redirected) return error.url;
    throw error;
  }
  throw new Error("no redirect");
}

describe("redirect targets", () => {
  test("only same-origin paths pass; everything else falls back", () => {
    for (const next of hostile) expect(safeNextPath(next), next).toBe("/profile");
    expect(safeNextPath("/matches?role=abc#top")).toBe("/matches?role=abc#top");
    expect(safeNextPath("/roles/5f0c")).toBe("/roles/5f0c");
    expect(safeNextPath(undefined, "/")).toBe("/");
  });

  test("signing in with ?next=/%5Cevil.example lands on our own profile page", async () => {
    const { signInLocal } = await import("@/server/auth/actions");
    for (const next of hostile) {
      const form = new FormData();
      form.set("email", "redirect@example.test");
      form.set("displayName", "Redirect Test");
      form.set("next", next);
      expect(await redirectOf(() => signInLocal({}, form)), next).toBe("/profile");
    }
  });

  test("the sign-in page of a signed-in visitor never sends them off-site", async () => {
    state.user = { id: "00000000-0000-4000-8000-000000000001", email: "a@example.test", displayName: "A", isAdmin: false, locale: "en", restricted: false, objected: false };
    const { default: SignInPage } = await import("@/app/sign-in/page");
    for (const next of hostile) {
      expect(await redirectOf(() => SignInPage({ searchParams: Promise.resolve({ next }) })), next).toBe("/profile");
    }
    expect(await redirectOf(() => SignInPage({ searchParams: Promise.resolve({ next: "/search?q=a" }) }))).toBe("/search?q=a");
  });
});
