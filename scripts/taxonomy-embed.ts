// npm run taxonomy:embed — embeds every concept whose labels changed since the last run (OpenAI when
// OPENAI_API_KEY is set, else the local embedder). Progress on stderr; a summary line on stdout.
import { getEnv } from "@/env";
import { openConfigured } from "@/server/db/open-configured";
import { embedConcepts } from "@/server/embeddings/concepts";
import { embedderFor } from "@/server/embeddings";
import { runCli } from "./cli-runtime";

function bar({ done, total }: { done: number; total: number }): void {
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  process.stderr.write(`\r[embed] [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}`);
}

await runCli("taxonomy:embed", async () => {
  const env = getEnv();
  const handle = await openConfigured(env);
  try {
    const embedder = embedderFor(env);
    const result = await embedConcepts(handle.db, embedder, { onProgress: bar });
    process.stderr.write("\n");
    console.log(JSON.stringify(result));
  } finally {
    await handle.close();
  }
});
