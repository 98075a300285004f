import "server-only";
import { chooseAdapters, describeAdapters, parseEnv } from "@/env";
import { log, redactConsoleErrors, redactText } from "@/server/log";

/**
 * Runs once when the server starts: validates the environment, says which adapters it chose, and
 * in embedded mode migrates and seeds; refuses a keyring that lacks a key stored rows still use.
 * Any failure is one clear line and a non-zero exit.
 */
export async function bootstrap(): Promise<void> {
  redactConsoleErrors();
  try {
    const env = parseEnv(process.env);
    log.info("evne", describeAdapters(env));
    const { getDbHandle } = await import("@/server/db");
    const handle = await getDbHandle();
    const { missingKeyProblem } = await import("@/server/privacy/keys");
    const { adapters } = await import("@/server/adapters");
    const keyProblem = await missingKeyProblem(handle.db, adapters().keyring());
    if (keyProblem) throw new Error(keyProblem);
    if (chooseAdapters(env).db === "pglite") {
      const { seedDemo } = await import("@/server/seed");
      await seedDemo(handle.db, { demoPeople: true, embedder: adapters().embedder, statsK: env.STATS_K });
    }
  } catch (error) {
    // One line naming the fix: configuration errors carry no personal data, so the message is kept.
    process.stderr.write(`[evne] cannot start: ${error instanceof Error ? redactText(error.message.split("\n")[0] ?? "") : String(error)}\n`);
    process.exit(1);
  }
}
