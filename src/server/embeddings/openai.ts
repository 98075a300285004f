// The production embedder: OpenAI text-embedding-3-small at 256 dimensions.
// Only taxonomy label text and search query text are sent; never profile or user data.
// No `import "server-only"`: `npm run taxonomy:embed` runs this module under tsx.
import OpenAI from "openai";
import { z } from "zod";
import { EMBEDDING_DIMENSIONS } from "@/server/db/schema/taxonomy";
import type { Embedder } from "./types";

/** The API accepts at most 2048 inputs per embeddings request. */
export const OPENAI_MAX_BATCH = 2048;
/** Inputs are short labels; this keeps a pathological one well under the 8k-token input limit. */
const MAX_INPUT_CHARS = 8000;

export class EmbeddingError extends Error {
  override name = "EmbeddingError";
}

export type OpenAIEmbedderOptions = {
  apiKey: string;
  model?: string;
  baseURL?: string;
  /** Retries after a 429 or 5xx (and network errors) before giving up. */
  maxRetries?: number;
  /** First back-off delay; doubles on each retry unless the server sends Retry-After. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /**
   * Per-request time limit. The SDK's default is ten minutes, which would hold a search request
   * open through every retry; a request that takes longer counts as a (retryable) failure.
   */
  timeoutMs?: number;
  /** Injected by tests so back-off does not slow them down. */
  sleep?: (ms: number) => Promise<void>;
};

const responseSchema = z.object({
  data: z.array(z.object({ index: z.number().int().min(0), embedding: z.array(z.number()) })),
});

export function createOpenAIEmbedder(options: OpenAIEmbedderOptions): Embedder {
  const model = options.model ?? "text-embedding-3-small";
  const maxRetries = options.maxRetries ?? 5;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 60_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  // The SDK's own retries are off: ours below honour Retry-After and report plainly.
  const client = new OpenAI({ apiKey: options.apiKey, baseURL: options.baseURL, maxRetries: 0, timeout: options.timeoutMs ?? 30_000 });

  async function embedBatch(input: string[]): Promise<number[][]> {
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await client.embeddings.create({ model, input, dimensions: EMBEDDING_DIMENSIONS, encoding_format: "float" });
        const parsed = responseSchema.parse(response);
        const vectors: number[][] = new Array<number[]>(input.length);
        for (const item of parsed.data) vectors[item.index] = item.embedding;
        for (let i = 0; i < input.length; i++) {
          const v = vectors[i];
          if (!v || v.length !== EMBEDDING_DIMENSIONS) {
            throw new EmbeddingError(`OpenAI returned no ${EMBEDDING_DIMENSIONS}-dimension embedding for input ${i}`);
          }
        }
        return vectors;
      } catch (error) {
        const status = error instanceof OpenAI.APIError ? error.status : undefined;
        if (status === 401) {
          throw new EmbeddingError("OpenAI rejected OPENAI_API_KEY (401 Unauthorized): check the key, or unset it to use the local embedder");
        }
        const retryable = status === 429 || (status !== undefined && status >= 500) || error instanceof OpenAI.APIConnectionError;
        if (!retryable || attempt >= maxRetries) {
          if (error instanceof EmbeddingError) throw error;
          const what = status ? `HTTP ${status}` : error instanceof Error ? error.message : String(error);
          throw new EmbeddingError(`OpenAI embeddings request failed (${what}) after ${attempt + 1} attempt(s)`);
        }
        const headers = error instanceof OpenAI.APIError ? error.headers : undefined;
        const hinted = retryAfterMs(headers);
        const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt * (0.75 + Math.random() * 0.5));
        await sleep(hinted !== undefined ? Math.min(maxDelayMs, hinted) : backoff);
      }
    }
  }

  return {
    model,
    async embed(texts) {
      const out: number[][] = [];
      for (let i = 0; i < texts.length; i += OPENAI_MAX_BATCH) {
        // The API rejects empty strings; a space embeds as "nothing" just as well.
        const batch = texts.slice(i, i + OPENAI_MAX_BATCH).map((t) => t.slice(0, MAX_INPUT_CHARS) || " ");
        out.push(...(await embedBatch(batch)));
      }
      return out;
    },
  };
}

/** Retry-After as seconds or an HTTP date (and OpenAI's retry-after-ms), in milliseconds. */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  const ms = headers?.get("retry-after-ms");
  if (ms && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const value = headers?.get("retry-after");
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
