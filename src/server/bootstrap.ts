import "server-only";
import { chooseAdapters, describeAdapters, parseEnv } from "@/env";

/**
 * Runs once when the server starts: validates the environment, says which adapters it chose, and
 * in embedded mode migrates and seeds. Any failure is one clear line and a non-zero exit.
 */
export async function bootstrap(): Promise<void> {
  try {
    const env = parseEnv(process.env);
    console.log(`[evne] ${describeAdapters(env)}`);
    const { getDbHandle } = await import("@/server/db");
    const handle = await getDbHandle();
    if (chooseAdapters(env).db === "pglite") {
      const { seedDemo } = await import("@/server/seed");
      await seedDemo(handle.db);
    }
  } catch (error) {
    console.error(`[evne] cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
