// npm run bench [-- <search|import|matching|stats>] [--esco <dir>] [--events=N] — every benchmark, or
// the one named; one JSON object per line on stdout: {"name","value","unit","baseline"?,"n"}.
// Baselines are measured in the same run.
import { parseFlags, runCli } from "../cli-runtime";

export type BenchLine = { name: string; value: number; unit: string; baseline?: number; n: number };
export type Bench = (args: { esco?: string; events?: string; emit: (line: BenchLine) => void }) => Promise<void>;

const benches: Record<string, () => Promise<{ bench: Bench }>> = {
  search: () => import("./search"),
  import: () => import("./import"),
  matching: () => import("./matching"),
  stats: () => import("./stats"),
};
const USAGE = `usage: npm run bench -- [${Object.keys(benches).join("|")}] [--esco <dir>] [--events=N]`;

await runCli("bench", async () => {
  const { values, positionals } = parseFlags(
    { args: process.argv.slice(2), allowPositionals: true, options: { esco: { type: "string" }, events: { type: "string" } } },
    USAGE,
  );
  const [only, ...extra] = positionals;
  if (extra.length > 0 || (only && !benches[only])) throw new Error(`unknown benchmark '${extra[0] ?? only}'. ${USAGE}`);
  for (const [name, load] of Object.entries(benches)) {
    if (only && only !== name) continue;
    console.error(`[bench] ${name} …`);
    await (await load()).bench({ esco: values.esco, events: values.events, emit: (line) => console.log(JSON.stringify(line)) });
  }
});
