import { parseArgs, type ParseArgsConfig } from "node:util";

/** Shared by command-line scripts: one clear line on failure, never a bare stack trace. */
export async function runCli(name: string, main: () => Promise<void>): Promise<void> {
  try {
    await main();
    process.exit(0);
  } catch (error) {
    console.error(`[${name}] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

/**
 * node:util parseArgs (strict unless the config says otherwise); an unknown flag, a missing value or
 * a stray argument becomes one line: node's first sentence, then the script's usage.
 */
export function parseFlags<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    if (!(error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"))) throw error;
    throw new Error(`${error.message.split(". ")[0]}. ${usage}`);
  }
}
