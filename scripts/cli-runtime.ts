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
