// npm run cli -- <command> [...args] — support and evaluation entry point. Each command lives in
// scripts/commands/<name>.ts and prints only its result on stdout (diagnostics go to stderr).
import { logToStderr } from "@/server/log";
import { runCli } from "./cli-runtime";

type Command = (args: string[]) => Promise<void>;

const commands: Record<string, () => Promise<{ run: Command }>> = {
  keys: () => import("./commands/keys"),
  match: () => import("./commands/match"),
  stats: () => import("./commands/stats"),
};

logToStderr();

await runCli("cli", async () => {
  const [name, ...args] = process.argv.slice(2);
  const load = name ? commands[name] : undefined;
  if (!load) {
    throw new Error(`usage: npm run cli -- <${Object.keys(commands).join("|") || "command"}> [...args]`);
  }
  await (await load()).run(args);
});
