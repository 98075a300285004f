// npm run cli -- <command> [...args] — support and evaluation entry point. Each command lives in
// scripts/commands/<name>.ts, parses its own arguments and prints only its result on stdout
// (diagnostics go to stderr).
import { parseArgs } from "node:util";
import { logToStderr } from "@/server/log";
import { runCli } from "./cli-runtime";

type Command = (args: string[]) => Promise<void>;

const commands: Record<string, () => Promise<{ run: Command }>> = {
  keys: () => import("./commands/keys"),
  match: () => import("./commands/match"),
  stats: () => import("./commands/stats"),
};
const USAGE = `usage: npm run cli -- <${Object.keys(commands).join("|")}> [...args]`;

logToStderr();

await runCli("cli", async () => {
  const args = process.argv.slice(2);
  // Not strict: everything after the command name belongs to the command.
  const [first] = parseArgs({ args, allowPositionals: true, strict: false, tokens: true }).tokens;
  if (first?.kind !== "positional") throw new Error(first?.kind === "option" ? `${first.rawName} before the command. ${USAGE}` : USAGE);
  const load = commands[first.value];
  if (!load) throw new Error(`unknown command '${first.value}'. ${USAGE}`);
  await (await load()).run(args.slice(first.index + 1));
});
