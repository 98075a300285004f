import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, test } from "vitest";

// A mistyped flag stops a script before it opens any database, with one line naming the flag.
function run(script: string, args: string[]) {
  const result = spawnSync(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", script, ...args], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "test" },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, lines: result.stderr.split("\n").filter(Boolean) };
}

describe("script arguments", () => {
  test.each([
    ["scripts/taxonomy-import.ts", ["--esco", "x", "--kep-missing"], /^\[taxonomy:import\] Unknown option '--kep-missing'\. usage: npm run taxonomy:import/],
    ["scripts/bench/index.ts", ["--events=2000", "stat"], /^\[bench\] unknown benchmark 'stat'\. usage: npm run bench/],
    ["scripts/cli.ts", ["keys", "--all"], /^\[cli\] Unknown option '--all'\. usage: npm run cli -- keys$/],
    ["scripts/cli.ts", ["kyes"], /^\[cli\] unknown command 'kyes'\. usage: npm run cli -- <keys\|match\|stats>/],
  ])("%s %j", (script, args, line) => {
    const r = run(script, args);
    expect(r).toEqual({ status: 1, stdout: "", lines: [expect.stringMatching(line)] });
  });
});
