// npm run bench [-- --esco <dir>] — every benchmark; one JSON object per line on stdout:
// {"name","value","unit","baseline"?,"n"}. Baselines are measured in the same run.
import { runCli } from "../cli-runtime";

export type BenchLine = { name: string; value: number; unit: string; baseline?: number; n: number };
export type Bench = (args: { esco?: string; emit: (line: BenchLine) => void }) => Promise<void>;

const benches: Record<string, () => Promise<{ bench: Bench }>> = {
  search: () => import("./search"),
  import: () => import("./import"),
  matching: () => import("./matching"),
  stats: () => import("./stats"),
};

await runCli("bench", async () => {
  const argv = process.argv.slice(2);
  const escoAt = argv.indexOf("--esco");
  const esco = escoAt >= 0 ? argv[escoAt + 1] : undefined;
  const only = argv.find((a, i) => !a.startsWith("--") && argv[i - 1] !== "--esco");
  for (const [name, load] of Object.entries(benches)) {
    if (only && only !== name) continue;
    console.error(`[bench] ${name} …`);
    await (await load()).bench({ esco, emit: (line) => console.log(JSON.stringify(line)) });
  }
});
