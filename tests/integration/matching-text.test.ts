// Matching from free text: roles ranked from the text itself and from the skills found in it, with a
// score still recomputable from the explanation; bad input gets a clear answer or a 400, never a 500.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { withTestAdapters } from "@tests/helpers/adapters";
import type { SessionUser } from "@/server/auth/types";
import { queryRows } from "@/server/db/rows";
import { matchByText } from "@/server/matching/by-text";
import { scoreFromExplanation } from "@/server/matching/score";
import { fuseRanks } from "@/server/matching/text/fuse";
import { stem, terms } from "@/server/matching/text/terms";
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
const { matchCommand } = await import("../../scripts/commands/match");

beforeAll(async () => {
  t = await createTestDb();
  f = await seedMatchingTaxonomy(t.db);
});
afterAll(async () => t.close());

const post = (body: unknown) =>
  POST(new Request("http://localhost/api/match", { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } }));

describe("matchByText", () => {
  test("ranks from the text, explains each score, and quotes the words that named the role", async () => {
    const text = "Frontend developer for five years: I build websites with TypeScript, HTML and CSS, and use Git every day.";
    const result = await matchByText(t.db, { text, lang: "en", limit: 5, embedder: fakeEmbedder() });
    if (result.status !== "ok") throw new Error(result.status);
    expect(result.roles[0]?.roleId).toBe(f.role.frontend);
    expect(result.skills.map((s) => s.label)).toEqual(["TypeScript", "HTML", "CSS", "Git"]);
    expect(result.skills.find((s) => s.label === "Git")?.phrase).toBe("Git");
    for (const role of result.roles) expect(role.score).toBe(scoreFromExplanation(role));
    const frontend = result.roles[0];
    // 3 essential (x2) + 1 optional of 4 essential (x2) + 2 optional.
    expect(frontend?.score).toBe(Math.round((100 * (3 * 2 + 1)) / (4 * 2 + 2)));
    expect(frontend?.textEvidence).toEqual(["frontend", "developer"]);
  });

  test("the text's evidence orders the list but never changes a percentage", async () => {
    const skills = "I use TypeScript, HTML, CSS and Git.";
    const withTitle = await matchByText(t.db, { text: `Backend developer. ${skills}`, lang: "en", limit: 5, embedder: fakeEmbedder() });
    const without = await matchByText(t.db, { text: skills, lang: "en", limit: 5, embedder: fakeEmbedder() });
    if (withTitle.status !== "ok" || without.status !== "ok") throw new Error("not ok");
    const scoreOf = (r: typeof without, id: string) => (r.status === "ok" ? r.roles.find((x) => x.roleId === id)?.score : undefined);
    expect(scoreOf(withTitle, f.role.frontend)).toBe(scoreOf(without, f.role.frontend));
    expect(withTitle.roles.find((r) => r.roleId === f.role.backend)?.textEvidence).toEqual(["backend", "developer"]);
  });

  test.each([
    ["empty", ""],
    ["stop words only", "the and of with for and the"],
    ["numbers only", "123 456 7890 2024"],
  ])("%s: too little to go on, nothing written", async (_name, text) => {
    const result = await matchByText(t.db, { text, lang: "en", limit: 5, embedder: fakeEmbedder() });
    expect(result).toEqual({ status: "too_little_text", minimumWords: 2 });
  });

  test("another language or a 20,000-character text gets an answer, not an error", async () => {
    const chinese = await matchByText(t.db, { text: "我是一名软件工程师，负责网站开发", lang: "en", limit: 5, embedder: fakeEmbedder() });
    expect(["ok", "too_little_text"]).toContain(chinese.status);
    if (chinese.status === "ok") expect(chinese.roles).toEqual([]);
    const long = await matchByText(t.db, { text: "I weld steel and give first aid. ".repeat(700).slice(0, 20_000), lang: "en", limit: 5, embedder: fakeEmbedder() });
    if (long.status !== "ok") throw new Error(long.status);
    expect(long.roles[0]?.roleId).toBe(f.role.welder);
  });

  test("the CLI prints id, uri, label and score for --text", async () => {
    const out = await matchCommand(t.db, { text: "welding and first aid on a building site", lang: "en", limit: 3 }, fakeEmbedder());
    expect(out.roles[0]).toMatchObject({ id: f.role.welder, uri: "test:role/welder", label: "welder", score: 100 });
  });
});

describe("POST /api/match with text", () => {
  test("answers text, refuses empty and over-long text with a 400, and writes nothing to the profile", async () => {
    const id = await createUser(t.db, "text-api@example.test");
    currentUser = { id, email: "x@example.test", displayName: "X", isAdmin: false, locale: "en", restricted: false, objected: false };
    const ok = await post({ text: "I weld and give first aid", lang: "en" });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { roles: { roleId: string }[] }).roles[0]?.roleId).toBe(f.role.welder);
    expect((await post({ text: "   " })).status).toBe(400);
    expect((await post({ text: "a".repeat(20_001) })).status).toBe(400);
    const stop = await post({ text: "the and of" });
    expect(stop.status).toBe(200);
    expect(await stop.json()).toMatchObject({ status: "too_little_text" });
    expect((await post({ text: "x", skills: ["y"] })).status).toBe(400);
    expect(await queryRows(t.db, sql`select id from user_skills where user_id = ${id}`)).toEqual([]);
  });
});

describe("text pieces", () => {
  test("stemming meets inflections; stop words and numbers are not terms", () => {
    expect(["maintains", "maintaining", "maintained", "maintain"].map(stem)).toEqual(["maintain", "maintain", "maintain", "maintain"]);
    expect(terms("The nurses and 42 patients")).toEqual(["nurse", "patient"]);
  });

  test("weighted reciprocal rank fusion", () => {
    expect(fuseRanks([{ ids: ["a", "b"], weight: 1 }, { ids: ["b", "c"], weight: 1 }])).toEqual(["b", "a", "c"]);
    expect(fuseRanks([{ ids: ["a", "b"], weight: 1 }, { ids: ["b"], weight: 0.01 }])).toEqual(["a", "b"]);
  });
});
