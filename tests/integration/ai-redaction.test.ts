import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { dbFrom, withTestAdapters } from "@tests/helpers/adapters";
import type { SessionUser } from "@/server/auth/types";
import { profiles, userSkills, users } from "@/server/db/schema";
import { EMBEDDING_DIMENSIONS } from "@/server/db/schema/taxonomy";
import { redactForAi } from "@/server/ai/redact";
import { createTestDb, type TestDb } from "@tests/helpers/db";
import { settleServerTree } from "@tests/helpers/server-tree";

// Issue 14, point 4: what reaches OpenAI from each call site carries no e-mail, phone number or
// the user's own name (the policy in both languages says exactly this).
const state = vi.hoisted(() => ({ user: null as SessionUser | null, t: undefined as TestDb | undefined }));
withTestAdapters(() => ({
  session: async () => state.user,
  db: dbFrom(state),
}));
vi.mock("@/server/http/page-limit", () => ({ limitPage: async () => undefined }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined }) }));

const sent: string[] = [];
const server = setupServer(
  http.post("https://api.openai.com/v1/embeddings", async ({ request }) => {
    const body = (await request.json()) as { input: string[] };
    sent.push(JSON.stringify(body));
    const vector = Array.from({ length: EMBEDDING_DIMENSIONS }, (_, i) => (i === 0 ? 1 : 0));
    return HttpResponse.json({ object: "list", model: "text-embedding-3-small", data: body.input.map((_, index) => ({ object: "embedding", index, embedding: vector })), usage: { prompt_tokens: 1, total_tokens: 1 } });
  }),
  http.post("https://api.openai.com/v1/chat/completions", async ({ request }) => {
    sent.push(JSON.stringify(await request.json()));
    return HttpResponse.json({
      id: "c1", object: "chat.completion", created: 0, model: "gpt-4o-mini",
      choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", content: JSON.stringify({ skills: [{ name: "Sveising", phrase: "sveiser" }] }), refusal: null } }],
    });
  }),
);

const identities = ["Kari", "Nordmann", "Anne", "kari.nordmann@example.no", "912 34 567", "91234567", "+4791234567"];
const dataDir = mkdtempSync(path.join(tmpdir(), "evne-ai-"));

beforeAll(async () => {
  vi.stubEnv("DATA_DIR", dataDir);
  vi.stubEnv("OPENAI_API_KEY", "sk-test-redaction");
  vi.stubEnv("SEARCH_LOG_KEY", "k1:ai-redaction-secret-0123456789");
  server.listen({ onUnhandledFrame: "error" });
  state.t = await createTestDb();
  const [row] = await state.t.db.insert(users).values({ email: "kari.nordmann@example.no", displayName: "Kari Nordmann" }).returning();
  if (!row) throw new Error("fixture");
  await state.t.db.insert(profiles).values({ userId: row.id, fullName: "Kari Anne Nordmann", email: "kari.nordmann@example.no", phone: "+4791234567" });
  await state.t.db.insert(userSkills).values({ userId: row.id, customLabel: "Sveising for Kari Nordmann, kari.nordmann@example.no, 912 34 567" });
  state.user = { id: row.id, email: "kari.nordmann@example.no", displayName: "Kari Nordmann", isAdmin: false, locale: "nb", restricted: false, objected: false };
});
beforeEach(() => void (sent.length = 0));
afterAll(async () => {
  server.close();
  await state.t?.close();
  vi.unstubAllEnvs();
  rmSync(dataDir, { recursive: true, force: true });
});

function expectNoIdentity() {
  expect(sent.length).toBeGreaterThan(0);
  const bodies = sent.join("\n");
  for (const value of identities) expect(bodies.toLowerCase()).not.toContain(value.toLowerCase());
}

describe("requests to OpenAI", () => {
  test("custom skill labels embedded for /matches", async () => {
    const { default: MatchesPage } = await import("@/app/matches/page");
    await settleServerTree(await MatchesPage());
    expectNoIdentity();
    expect(sent.join("\n")).toContain("Sveising for [name] [name], [email], [phone]");
  });

  test("pasted CV text sent for skill extraction", async () => {
    const { extractSkillsAction } = await import("@/server/matching/actions");
    const result = await extractSkillsAction({ text: "Jeg heter Kari Anne Nordmann (kari.nordmann@example.no, tlf 912 34 567). Jeg sveiser, 2015 - 2020.", lang: "nb" });
    expect(result.ok).toBe(true);
    expectNoIdentity();
    expect(sent.join("\n")).toContain("Jeg sveiser, 2015 - 2020.");
  });

  test("search text embedded for /search", async () => {
    const { default: SearchPage } = await import("@/app/search/page");
    await settleServerTree(await SearchPage({ searchParams: Promise.resolve({ q: "kari nordmann sveiser 91234567" }) }));
    expectNoIdentity();
    expect(sent.join("\n")).toContain("sveiser");
  });

  test("names match whole words only", () => {
    expect(redactForAi("Karin kan Python; kari kan ikke", { names: ["Kari"] })).toBe("Karin kan Python; [name] kan ikke");
  });
});
