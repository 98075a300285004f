import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { withTestAdapters } from "@tests/helpers/adapters";
import type { SessionUser } from "@/server/auth/types";
import { scoreFromExplanation } from "@/server/matching/score";
import type { MatchRolesResult } from "@/server/matching/types";
import { createTestDb, type TestDb } from "@tests/helpers/db";
import { createUser, fakeEmbedder, seedMatchingTaxonomy, type Fixture } from "./matching-fixtures";

let t: TestDb;
let f: Fixture;
let currentUser: SessionUser | null = null;

withTestAdapters(() => ({
  session: async () => currentUser,
  db: async () => t.db,
  embedder: fakeEmbedder(),
}));

const { POST } = await import("@/app/api/match/route");
const { matchCommand, parseMatchArgs } = await import("../../scripts/commands/match");

beforeAll(async () => {
  t = await createTestDb();
  f = await seedMatchingTaxonomy(t.db);
});
afterAll(async () => t.close());

const post = (body: unknown) =>
  POST(new Request("http://localhost/api/match", { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } }));

async function signIn(restricted = false): Promise<SessionUser> {
  const id = await createUser(t.db, `api-${Math.random()}@example.test`);
  return { id, email: "x@example.test", displayName: "X", isAdmin: false, locale: "en", restricted, objected: false };
}

describe("POST /api/match", () => {
  test("requires a signed-in user", async () => {
    currentUser = null;
    const response = await post({ skills: ["SQL", "Python", "Git"] });
    expect(response.status).toBe(401);
  });

  test("resolves labels and synonyms via the taxonomy, keeps the rest as custom skills, and explains every score", async () => {
    currentUser = await signIn();
    const response = await post({ skills: ["structured query language", "python", "Git", "React.js"], lang: "en", limit: 3 });
    expect(response.status).toBe(200);
    const body = (await response.json()) as MatchRolesResult;
    if (body.status !== "ok") throw new Error(body.status);
    expect(body.roles[0]?.label).toBe("backend developer");
    expect(body.roles[0]?.matchedEssential.map((m) => m.by.userSkill)).toEqual([
      { conceptId: f.skill.git },
      { conceptId: f.skill.python },
      { conceptId: f.skill.sql },
    ]);
    const frontend = body.roles.find((r) => r.roleId === f.role.frontend);
    expect(frontend?.matchedEssential.find((m) => m.skillId === f.skill["js-framework"])?.by.userSkill).toEqual({ customLabel: "React.js" });
    for (const role of body.roles) expect(role.score).toBe(scoreFromExplanation(role));
    expect(body.roles.length).toBeLessThanOrEqual(3);
  });

  test("rejects bad input and restricted users", async () => {
    currentUser = await signIn();
    expect((await post({ skills: [] })).status).toBe(400);
    expect((await post({ skills: ["a"], limit: 500 })).status).toBe(400);
    currentUser = await signIn(true);
    const response = await post({ skills: ["SQL", "Python", "Git"] });
    expect(response.status).toBe(403);
    expect(JSON.stringify(await response.json())).not.toContain("roles");
  });
});

describe("match CLI", () => {
  test("parses its arguments and gives the documented JSON shape", async () => {
    const args = parseMatchArgs(["--skills", "SQL; Python;Git ", "--lang", "en", "--limit", "2", "--json"]);
    expect(args).toEqual({ skills: ["SQL", "Python", "Git"], lang: "en", limit: 2 });
    const out = await matchCommand(t.db, args, fakeEmbedder());
    expect(Object.keys(out)).toEqual(["roles"]);
    expect(out.roles).toHaveLength(2);
    // 3 essential x 2 of (2 x 3 essential + 2 optional) = 6/8.
    expect(out.roles[0]).toMatchObject({ id: f.role.backend, label: "backend developer", score: 75, missing: [] });
    expect(Object.keys(out.roles[0] ?? {})).toEqual(["id", "uri", "label", "score", "matched", "missing"]);
    expect(() => parseMatchArgs(["--skills", "a", "--lang", "de"])).toThrow("--lang");
    expect(() => parseMatchArgs([])).toThrow("usage");
  });

  test("as a process, stdout holds the JSON and nothing else", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "evne-match-cli-"));
    try {
      const child = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/cli.ts", "match", "--skills", "SQL; Python; Git", "--lang", "en", "--json"], {
        cwd: path.resolve(import.meta.dirname, "../.."),
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", OPENAI_API_KEY: "" },
        encoding: "utf8",
        timeout: 120_000,
      });
      expect(child.status).toBe(0);
      // A fresh embedded database gets the starter taxonomy, as the app does: roles, in exactly one JSON document.
      expect(child.stdout.trim().split("\n")).toHaveLength(1);
      const out = JSON.parse(child.stdout) as { roles: { id: string; uri: string; label: string; score: number }[] };
      expect(Object.keys(out)).toEqual(["roles"]);
      expect(out.roles.length).toBeGreaterThan(0);
      for (const role of out.roles) expect(role).toMatchObject({ id: expect.any(String), uri: expect.stringMatching(/^evne:role\//), label: expect.any(String), score: expect.any(Number) });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 150_000);
});
