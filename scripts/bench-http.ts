// npm run bench:http — HTTP load against `next start` (built once, embedded defaults, fresh
// DATA_DIR, 127.0.0.1). Signs demo users in with the browser, then runs autocannon ~10 s per target.
// One JSON object per line on stdout: {"name","value","unit","n"}; progress goes to stderr.
//
// GET /api/search is rate-limited per user (120/min) and per address (60/min) with no bypass
// setting, so the 10 s search load mostly measures the limiter's 429 path; a separate run of 100
// requests stays under the limit and measures real search latency.
import autocannon from "autocannon";
import { sessionCookieFor, demo } from "../tests/e2e/support/chromium";
import { ensureBuild, repoRoot, startServer } from "../tests/e2e/support/server";

type Line = { name: string; value: number; unit: string; n: number };
const emit = (line: Line) => console.log(JSON.stringify(line));
const round = (v: number) => Math.round(v * 10) / 10;

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);

async function load(name: string, opts: autocannon.Options): Promise<autocannon.Result> {
  console.error(`[bench:http] ${name}: ${opts.amount ? `${opts.amount} requests` : `${opts.duration} s`}, ${opts.connections} connections …`);
  const result = await autocannon(opts);
  const n = result.requests.total;
  emit({ name: `http.${name}.rps`, value: round(result.requests.average), unit: "req/s", n });
  emit({ name: `http.${name}.p50`, value: round(result.latency.p50), unit: "ms", n });
  emit({ name: `http.${name}.p99`, value: round(result.latency.p99), unit: "ms", n });
  emit({ name: `http.${name}.2xx`, value: result["2xx"], unit: "responses", n });
  if (result.non2xx > 0) {
    const codes = Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => `${code}:${s.count ?? 0}`).join(" ");
    console.error(`[bench:http] ${name}: ${result.non2xx} non-2xx responses (${codes})`);
  }
  if (result.errors > 0) console.error(`[bench:http] ${name}: ${result.errors} connection errors, ${result.timeouts} timeouts`);
  return result;
}

async function expectStatus(url: string, cookie: string, status: number): Promise<void> {
  const res = await fetch(url, { headers: { cookie }, redirect: "manual" });
  if (res.status !== status) throw new Error(`GET ${url} answered ${res.status}, expected ${status}`);
}

const root = repoRoot(import.meta.dirname);
ensureBuild(root);
const server = await startServer(root);
try {
  const { baseURL } = server;
  console.error(`[bench:http] next start on ${baseURL}`);
  const [kari, ola, admin] = [
    await sessionCookieFor(baseURL, demo.kari),
    await sessionCookieFor(baseURL, demo.ola),
    await sessionCookieFor(baseURL, demo.admin),
  ];
  const profileUrl = `${baseURL}/profile`;
  const searchUrl = `${baseURL}/api/search?q=jav&type=skill`;
  await expectStatus(profileUrl, kari, 200);
  await expectStatus(searchUrl, ola, 200);

  await load("profile", { url: profileUrl, headers: { cookie: kari }, connections, duration: seconds });
  // Real searches: under Ola's 120/min limit (one request above was counted already).
  await load("search_under_limit", { url: searchUrl, headers: { cookie: ola }, connections: 1, amount: 100 });
  const search = await load("search", { url: searchUrl, headers: { cookie: admin }, connections, duration: seconds });
  emit({ name: "http.search.rate_limited", value: search["4xx"], unit: "responses", n: search.requests.total });
} finally {
  await server.stop();
}
