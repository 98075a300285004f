import "@tests/helpers/node20-polyfills";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { extractSkills } from "@/server/matching/extract";
import { createOpenAISkillNamer } from "@/server/matching/extract/openai";
import { createTestDb, type TestDb } from "@tests/helpers/db";
import { fakeEmbedder, seedMatchingTaxonomy, type Fixture } from "./matching-fixtures";

const url = "https://api.openai.test/v1/chat/completions";
type ChatBody = { model: string; messages: { role: string; content: string }[]; response_format: { type: string; json_schema: { strict: boolean } } };
const requests: ChatBody[] = [];
let reply: unknown = { skills: [] };

const server = setupServer(
  http.post(url, async ({ request }) => {
    requests.push((await request.json()) as ChatBody);
    return HttpResponse.json({
      id: "chatcmpl-test",
      object: "chat.completion",
      created: 0,
      model: "gpt-test",
      choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", content: JSON.stringify(reply), refusal: null } }],
    });
  }),
);

let t: TestDb;
let f: Fixture;

beforeAll(async () => {
  server.listen({ onUnhandledFrame: "error" });
  t = await createTestDb();
  f = await seedMatchingTaxonomy(t.db);
});
afterEach(() => {
  requests.length = 0;
});
afterAll(async () => {
  server.close();
  await t.close();
});

const namer = () => createOpenAISkillNamer({ apiKey: "sk-test", model: "gpt-test", baseURL: "https://api.openai.test/v1" });

describe("local extraction", () => {
  test("finds labels and synonyms in English, with the words they came from", async () => {
    const text = "I built web apps with TypeScript, HTML and cascading style sheets. Some version control with Git; also sveising.";
    const found = await extractSkills(t.db, { text, lang: "en", embedder: fakeEmbedder() });
    expect(found.map((s) => [s.label, s.phrase, s.via])).toEqual([
      ["TypeScript", "TypeScript", "label"],
      ["HTML", "HTML", "label"],
      ["CSS", "cascading style sheets", "label"],
      ["Git", "version control with Git", "label"],
      ["welding", "sveising", "label"],
    ]);
  });

  test("reads Norwegian text and reports near misses from embeddings", async () => {
    const text = "Jeg har jobbet med førstehjelp og sykepleie i fem år, og laget nettsider i Vue.";
    const found = await extractSkills(t.db, { text, lang: "nb", embedder: fakeEmbedder() });
    expect(found.map((s) => [s.label, s.phrase])).toEqual([
      ["førstehjelp", "førstehjelp"],
      ["sykepleie", "sykepleie"],
    ]);
    const near = await extractSkills(t.db, { text: "Erfaring med JavaScript frameworks.", lang: "nb", embedder: fakeEmbedder() });
    expect(near.map((s) => [s.label, s.phrase, s.via, s.confidence])).toEqual([["JavaScript-rammeverk", "JavaScript frameworks", "similar", 0.95]]);
    // Vue lies at 0.75 from "JavaScript framework": below the near-miss bar, so not offered.
    expect(found.some((s) => s.skillId === f.skill["js-framework"])).toBe(false);
  });

  test("skills already on the profile are left out, and nothing matches in plain prose", async () => {
    const found = await extractSkills(t.db, { text: "TypeScript and SQL", lang: "en", embedder: fakeEmbedder(), exclude: [f.skill.sql] });
    expect(found.map((s) => s.label)).toEqual(["TypeScript"]);
    expect(await extractSkills(t.db, { text: "I like long walks.", lang: "en", embedder: fakeEmbedder() })).toEqual([]);
  });
});

describe("OpenAI extraction", () => {
  test("sends only the text with a strict JSON schema, and drops skills the taxonomy does not have", async () => {
    reply = {
      skills: [
        { name: "Python", phrase: "scripts in Python" },
        { name: "Quantum basket weaving", phrase: "baskets" },
        { name: "structured query language", phrase: "words the user never wrote" },
        { name: "python", phrase: "Python" },
      ],
    };
    const text = "Wrote scripts in Python and reports in SQL.";
    const found = await extractSkills(t.db, { text, lang: "en", embedder: fakeEmbedder(), namer: namer() });
    expect(found.map((s) => [s.skillId, s.label, s.phrase, s.via])).toEqual([
      [f.skill.python, "Python", "scripts in Python", "ai"],
      [f.skill.sql, "SQL", "structured query language", "ai"],
    ]);
    expect(requests).toHaveLength(1);
    const body = requests[0];
    expect(body?.response_format.type).toBe("json_schema");
    expect(body?.response_format.json_schema.strict).toBe(true);
    expect(body?.messages.at(-1)).toEqual({ role: "user", content: text });
    expect(JSON.stringify(body)).not.toMatch(/@|user_id|email/i);
  });

  test("a reply that is not the promised shape is an error, not a guess", async () => {
    reply = { skills: [{ title: "Python" }] };
    await expect(extractSkills(t.db, { text: "Python", lang: "en", embedder: fakeEmbedder(), namer: namer() })).rejects.toThrow(
      "did not have the expected shape",
    );
  });
});
