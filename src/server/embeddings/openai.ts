// The production embedder: OpenAI text-embedding-3-small at 256 dimensions.
// Only taxonomy label text and search query text are sent; never profile or user data.
import "server-only";
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
  /**
   * Retries after a 408/409/429/5xx, a timeout or a network error, left to the SDK: it backs off
   * exponentially with jitter and honours Retry-After / retry-after-ms.
   */
  maxRetries?: number;
  /**
   * Per-attempt time limit. The SDK's default is ten minutes, which would hold a search request
   * open through every retry; an attempt that takes longer counts as a (retryable) failure.
   */
  timeoutMs?: number;
};

const responseSchema = z.object({
  data: z.array(z.object({ index: z.number().int().min(0), embedding: z.array(z.number()) })),
});

export function createOpenAIEmbedder(options: OpenAIEmbedderOptions): Embedder {
  const model = options.model ?? "text-embedding-3-small";
  const maxRetries = options.maxRetries ?? 5;
  const client = new OpenAI({ apiKey: options.apiKey, baseURL: options.baseURL, maxRetries, timeout: options.timeoutMs ?? 30_000 });

  async function request(input: string[]) {
    try {
      return await client.embeddings.create({ model, input, dimensions: EMBEDDING_DIMENSIONS, encoding_format: "float" });
    } catch (error) {
      const status = error instanceof OpenAI.APIError ? error.status : undefined;
      if (status === 401) {
        throw new EmbeddingError("OpenAI rejected OPENAI_API_KEY (401 Unauthorized): check the key, or unset it to use the local embedder");
      }
      const what = status ? `HTTP ${status}` : error instanceof Error ? error.message : String(error);
      throw new EmbeddingError(`OpenAI embeddings request failed (${what}); retried up to ${maxRetries} time(s)`);
    }
  }

  async function embedBatch(input: string[]): Promise<number[][]> {
    const parsed = responseSchema.parse(await request(input));
    const vectors: number[][] = new Array<number[]>(input.length);
    for (const item of parsed.data) vectors[item.index] = item.embedding;
    for (let i = 0; i < input.length; i++) {
      const v = vectors[i];
      if (!v || v.length !== EMBEDDING_DIMENSIONS) {
        throw new EmbeddingError(`OpenAI returned no ${EMBEDDING_DIMENSIONS}-dimension embedding for input ${i}`);
      }
    }
    return vectors;
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
