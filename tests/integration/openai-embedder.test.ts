import "@tests/helpers/node20-polyfills";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { EMBEDDING_DIMENSIONS } from "@/server/db/schema/taxonomy";
import { createOpenAIEmbedder } from "@/server/embeddings/openai";

const url = "https://api.openai.test/v1/embeddings";
type Body = { model: string; input: string[]; dimensions: number; encoding_format: string };

const requests: Body[] = [];
const auth: (string | null)[] = [];

function ok(body: Body) {
  return HttpResponse.json({
    object: "list",
    model: body.model,
    // Reversed order, as the API does not promise order; index says which input a vector belongs to.
    data: body.input
      .map((_, index) => ({ object: "embedding", index, embedding: Array.from({ length: body.dimensions }, (_, d) => (d === index % body.dimensions ? 1 : 0)) }))
      .reverse(),
    usage: { prompt_tokens: body.input.length, total_tokens: body.input.length },
  });
}

const server = setupServer(
  http.post(url, async ({ request }) => {
    const body = (await request.json()) as Body;
    requests.push(body);
    auth.push(request.headers.get("authorization"));
    return ok(body);
  }),
);

beforeAll(() => server.listen({ onUnhandledFrame: "error" }));
afterEach(() => {
  server.resetHandlers();
  requests.length = 0;
  auth.length = 0;
});
afterAll(() => server.close());

const embedder = (maxRetries = 3) => createOpenAIEmbedder({ apiKey: "sk-test", baseURL: "https://api.openai.test/v1", maxRetries });

describe("OpenAI embedder", () => {
  test("2500 inputs go out as two requests (2048 + 452) at 256 dimensions, in input order", async () => {
    const texts = Array.from({ length: 2500 }, (_, i) => `skill ${i}`);
    const vectors = await embedder().embed(texts);
    expect(requests.map((r) => r.input.length)).toEqual([2048, 452]);
    expect(requests.every((r) => r.dimensions === EMBEDDING_DIMENSIONS && r.model === "text-embedding-3-small")).toBe(true);
    expect(auth[0]).toBe("Bearer sk-test");
    expect(vectors).toHaveLength(2500);
    // Input 3 of the second batch got the one-hot vector at index 3.
    expect(vectors[2048 + 3]?.[3]).toBe(1);
    expect(vectors[5]?.[5]).toBe(1);
  });

  // The SDK does the back-off; the servers here ask for a short one (retry-after-ms) so the tests stay quick.
  test("a 429 is retried after the server's retry-after-ms, then succeeds", async () => {
    let calls = 0;
    server.use(
      http.post(url, async ({ request }) => {
        calls++;
        const body = (await request.json()) as Body;
        if (calls === 1) return HttpResponse.json({ error: { message: "Rate limit reached" } }, { status: 429, headers: { "retry-after-ms": "5" } });
        requests.push(body);
        return ok(body);
      }),
    );
    const vectors = await embedder().embed(["javascript"]);
    expect(calls).toBe(2);
    expect(vectors).toHaveLength(1);
  });

  test("5xx responses are retried maxRetries times, then give up with a plain error", async () => {
    let calls = 0;
    server.use(
      http.post(url, () => {
        calls++;
        return HttpResponse.json({ error: { message: "boom" } }, { status: 503, headers: { "retry-after-ms": "1" } });
      }),
    );
    await expect(embedder(2).embed(["x"])).rejects.toThrow(/HTTP 503\); retried up to 2 time/);
    expect(calls).toBe(3);
  });

  test("a wrong key (401) fails at once with a clear message", async () => {
    let calls = 0;
    server.use(
      http.post(url, () => {
        calls++;
        return HttpResponse.json({ error: { message: "Incorrect API key provided" } }, { status: 401 });
      }),
    );
    await expect(embedder().embed(["x"])).rejects.toThrow(/OPENAI_API_KEY \(401 Unauthorized\)/);
    expect(calls).toBe(1);
  });
});
