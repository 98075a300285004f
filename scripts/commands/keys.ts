// npm run cli -- keys — which SEARCH_LOG_KEY ids stored rows still use, which older keys can be
// removed (no row references them), and which used ids the keyring lacks. Prints JSON.
import { parseEnv } from "@/env";
import { openConfigured } from "@/server/db/open-configured";
import { keyUsage, missingKeyProblem, retirableKeys } from "@/server/privacy/keys";
import { keyringFrom } from "@/server/pseudonym";
import { parseFlags } from "../cli-runtime";

export async function run(args: string[]): Promise<void> {
  parseFlags({ args, options: {} }, "usage: npm run cli -- keys");
  const env = parseEnv(process.env);
  const handle = await openConfigured(env);
  try {
    const ring = keyringFrom(env);
    const usage = Object.fromEntries(await keyUsage(handle.db));
    console.log(JSON.stringify({ current: ring.current.id, rowsPerKey: usage, retirable: await retirableKeys(handle.db, ring), problem: await missingKeyProblem(handle.db, ring) }));
  } finally {
    await handle.close();
  }
}
