import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { dbFrom, withTestAdapters } from "@tests/helpers/adapters";
import type { SessionUser } from "@/server/auth/types";
import { users } from "@/server/db/schema";
import { publishPolicy } from "@/server/privacy/policy";
import { createTestDb, type TestDb } from "@tests/helpers/db";

// Issue 14, point 9: the policy notice text appears once, and only to people it concerns.
const state = vi.hoisted(() => ({ user: null as SessionUser | null, t: undefined as TestDb | undefined }));
withTestAdapters(() => ({
  session: async () => state.user,
  db: dbFrom(state),
}));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: (name: string) => (name === "evne_locale" ? { value: "en" } : undefined) }), headers: async () => new Headers() }));
vi.mock("@/components/consent/policy-notice-button", () => ({ AcknowledgePolicyButton: () => null }));

const dataDir = mkdtempSync(path.join(tmpdir(), "evne-notice-"));
const summaryEn = "Search logs are now kept for 30 days.";
beforeAll(async () => {
  vi.stubEnv("DATA_DIR", dataDir);
  state.t = await createTestDb();
  await publishPolicy(state.t.db, { version: "2.0", summaryNb: "Søkelogger lagres nå i 30 dager.", summaryEn, material: true, effectiveDate: "2099-01-01" }, new Date());
});
afterAll(async () => {
  await state.t?.close();
  vi.unstubAllEnvs();
  rmSync(dataDir, { recursive: true, force: true });
});

async function html(component: () => Promise<ReactElement | null>): Promise<string> {
  const element = await component();
  return element ? renderToStaticMarkup(element) : "";
}

async function signInAs(email: string, createdAt: Date) {
  const [row] = await state.t?.db.insert(users).values({ email, displayName: email, locale: "en", createdAt }).returning() ?? [];
  if (!row) throw new Error("fixture");
  state.user = { id: row.id, email, displayName: email, isAdmin: false, locale: "en", restricted: false, objected: false };
}

describe("policy notice", () => {
  test("on /privacy the change's summary is shown once, not in the banner and the page both", async () => {
    await signInAs("before@example.test", new Date("2020-01-01T00:00:00Z"));
    const { PolicyNotice } = await import("@/components/consent/policy-notice");
    const { default: PrivacyPage } = await import("@/app/privacy/page");
    const banner = await html(PolicyNotice);
    expect(banner).toContain('data-testid="policy-notice"');
    const page = await html(() => PrivacyPage());
    expect((banner + page).split(summaryEn).length - 1).toBe(1);
  });

  test("a person who signed up after it was published sees no 'has been updated' banner", async () => {
    await signInAs("after@example.test", new Date(Date.now() + 1000));
    const { PolicyNotice } = await import("@/components/consent/policy-notice");
    expect(await html(PolicyNotice)).toBe("");
  });
});
