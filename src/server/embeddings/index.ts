// Chooses the embedder once, at the edge, from validated env.
import "server-only";
import { chooseAdapters, getEnv, type Env } from "@/env";
import { createLocalEmbedder } from "./local";
import { createOpenAIEmbedder } from "./openai";
import type { Embedder } from "./types";

export type { Embedder } from "./types";

let cached: Embedder | undefined;

export function embedderFor(env: Env): Embedder {
  if (chooseAdapters(env).embeddings === "openai" && env.OPENAI_API_KEY) {
    return createOpenAIEmbedder({ apiKey: env.OPENAI_API_KEY, model: env.OPENAI_EMBEDDING_MODEL });
  }
  return createLocalEmbedder();
}

/** OpenAI when OPENAI_API_KEY is set, else the offline local embedder. */
export function getEmbedder(): Embedder {
  cached ??= embedderFor(getEnv());
  return cached;
}
