// Chooses the embedder from validated env; the app takes it from src/server/adapters.ts, scripts call it directly.
import "server-only";
import { chooseAdapters, type Env } from "@/env";
import { createLocalEmbedder } from "./local";
import { createOpenAIEmbedder } from "./openai";
import type { Embedder } from "./types";

export type { Embedder } from "./types";

/** OpenAI when OPENAI_API_KEY is set, else the offline local embedder. */
export function embedderFor(env: Env): Embedder {
  if (chooseAdapters(env).embeddings === "openai" && env.OPENAI_API_KEY) {
    return createOpenAIEmbedder({ apiKey: env.OPENAI_API_KEY, model: env.OPENAI_EMBEDDING_MODEL });
  }
  return createLocalEmbedder();
}
