import "server-only";
import type { Db } from "@/server/db/client";
import { embedConcepts } from "@/server/embeddings/concepts";
import type { Embedder } from "@/server/embeddings/types";
import { log } from "@/server/log";

/** Embeds the seeded taxonomy so semantic search works on a fresh start; a no-op when nothing changed. */
export async function seedEmbeddings(db: Db, embedder: Embedder): Promise<void> {
  const result = await embedConcepts(db, embedder);
  if (result.embedded > 0) log.info("seed", `embedded ${result.embedded} concept(s) with ${result.model}`);
}
