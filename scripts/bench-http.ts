// npm run bench:http [-- --postgres-url URL] [--only pglite|postgres] — HTTP load against
// `next start` (built once, 127.0.0.1), on embedded PGlite and, when TEST_DATABASE_URL (or
// --postgres-url) names a Postgres server, again on a fresh seeded database there. 10 connections,
// 10 s per target by default.
// One JSON object per line on stdout: {"name","value","unit","n","db"[, "baseline"]}; progress on stderr.
//
// Signed-in requests carry session tokens minted with the AUTH_SECRET the server is started with,
// for users written into the database before the server starts. /api/search is rate-limited per
// user (120/min), so its load is spread over enough distinct users that the limiter never says
// no; a separate run with one user shows the limiter's 429 path.
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { eq } from "drizzle-orm";
import { signSession } from "@/server/auth/local-session";
import { openPglite, openPostgres, type DbHandle } from "@/server/db/client";
import { users } from "@/server/db/schema";
import { createSeededDatabase, seedDatabase } from "../tests/e2e/support/postgres";
import { ensureBuild, repoRoot, startServer, type RunningServer } from "../tests/e2e/support/server";
import { parseFlags, runCli } from "./cli-runtime";

type DbKind = "pglite" | "postgres";
type Line = { name: string; value: number; unit: string; n: number; db: DbKind; baseline?: number };
const emit = (line: Line) => console.log(JSON.stringify(line));
const round = (v: number) => Math.round(v * 10) / 10;

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const searchUsers = Number(process.env.BENCH_SEARCH_USERS ?? 100);
const authSecret = randomBytes(32).toString("base64url");

/** Bench users plus the demo user Kari (a full profile), with session cookies. */
async function prepareUsers(handle: DbHandle): Promise<{ kari: string; searchers: string[] }> {
  const rows = await handle.db
    .insert(users)
    .values(Array.from({ length: searchUsers }, (_, i) => ({ email: `bench${i}@bench.evne.local`, displayName: `Bench ${i}` })))
    .onConflictDoNothing()
    .returning({ id: users.id });
  const [kari] = await handle.db.select({ id: users.id }).from(users).where(eq(users.email, "kari@evne.local"));
  if (!kari) throw new Error("the demo user kari@evne.local is missing: seeding failed");
  const cookie = async (id: string) => `evne_session=${await signSession(id, authSecret)}`;
  return { kari: await cookie(kari.id), searchers: await Promise.all(rows.map((r) => cookie(r.id))) };
}

async function startOn(root: string, db: DbKind, postgresUrl: string | undefined): Promise<{ server: RunningServer; kari: string; searchers: string[]; cleanup: () => Promise<void> }> {
  if (db === "pglite") {
    const dataDir = mkdtempSync(path.join(tmpdir(), "evne-bench-data-"));
    seedDatabase(root, { DATA_DIR: dataDir });
    const handle = await openPglite(path.join(dataDir, "pglite"));
    const prepared = await prepareUsers(handle).finally(() => handle.close());
    const server = await startServer(root, { dataDir, env: { AUTH_SECRET: authSecret } });
    return { server, ...prepared, cleanup: async () => {} };
  }
  if (!postgresUrl) throw new Error("no Postgres URL");
  const database = await createSeededDatabase(root, postgresUrl, "bench");
  try {
    const handle = await openPostgres(database.url, { max: 2 });
    const prepared = await prepareUsers(handle).finally(() => handle.close());
    const server = await startServer(root, { env: { AUTH_SECRET: authSecret, DATABASE_URL: database.url } });
    return { server, ...prepared, cleanup: () => database.drop() };
  } catch (error) {
    await database.drop();
    throw error;
  }
}

async function load(db: DbKind, name: string, opts: autocannon.Options): Promise<autocannon.Result> {
  console.error(`[bench:http] ${db} ${name}: ${opts.amount ? `${opts.amount} requests` : `${opts.duration} s`}, ${opts.connections} connections …`);
  const result = await autocannon(opts);
  const n = result.requests.total;
  emit({ name: `http.${name}.rps`, value: round(result.requests.average), unit: "req/s", n, db });
  emit({ name: `http.${name}.p50`, value: round(result.latency.p50), unit: "ms", n, db });
  emit({ name: `http.${name}.p99`, value: round(result.latency.p99), unit: "ms", n, db });
  emit({ name: `http.${name}.non2xx`, value: result.non2xx + result.errors, unit: "responses", n, db });
  if (result.non2xx > 0 || result.errors > 0) {
    const codes = Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => `${code}:${s.count ?? 0}`).join(" ");
    console.error(`[bench:http] ${db} ${name}: ${result.non2xx} non-2xx (${codes}), ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  return result;
}

async function expectStatus(url: string, cookie: string | undefined, status: number): Promise<void> {
  const res = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  if (res.status !== status) throw new Error(`GET ${url} answered ${res.status}, expected ${status}`);
}

/** Round-robin over cookies, one per request, so no single user carries the load. */
function rotating(cookies: string[]): autocannon.Request[] {
  let i = 0;
  return [{ method: "GET", setupRequest: (req) => ({ ...req, headers: { ...req.headers, cookie: cookies[i++ % cookies.length] ?? "" } }) }];
}

async function benchOne(root: string, db: DbKind, postgresUrl: string | undefined): Promise<void> {
  const { server, kari, searchers, cleanup } = await startOn(root, db, postgresUrl);
  try {
    const { baseURL } = server;
    console.error(`[bench:http] ${db}: next start on ${baseURL}`);
    const url = {
      floor: `${baseURL}/api/schemas/export-v1.json`,
      home: `${baseURL}/`,
      profile: `${baseURL}/profile`,
      matches: `${baseURL}/matches`,
      search: `${baseURL}/api/search?q=jav&type=skill`,
    };
    await expectStatus(url.floor, undefined, 200);
    await expectStatus(url.profile, kari, 200);
    await expectStatus(url.matches, kari, 200);
    const run = { connections, duration: seconds };

    const floor = await load(db, "schema_route", { url: url.floor, ...run });
    await load(db, "home", { url: url.home, ...run });
    const profile = await load(db, "profile", { url: url.profile, headers: { cookie: kari }, ...run });
    emit({
      name: "http.profile.share_of_floor",
      value: round((100 * profile.requests.average) / Math.max(1, floor.requests.average)),
      unit: "%",
      n: profile.requests.total,
      db,
      baseline: round(floor.requests.average),
    });
    await load(db, "matches", { url: url.matches, headers: { cookie: kari }, ...run });
    const [limited, ...spread] = searchers;
    if (!limited || spread.length === 0) throw new Error("BENCH_SEARCH_USERS must be at least 2");
    await load(db, "search", { url: url.search, requests: rotating(spread), ...run });
    // One user, a fixed 400 requests: past 120 in the minute the limiter answers 429, however fast
    // or slow the machine is (a window rolling over mid-run still leaves >= 160 refusals).
    const rateLimited = await load(db, "search_rate_limited", { url: url.search, headers: { cookie: limited }, connections, amount: 400 });
    emit({ name: "http.search_rate_limited.429", value: rateLimited.statusCodeStats?.["429"]?.count ?? 0, unit: "responses", n: rateLimited.requests.total, db });
  } finally {
    await server.stop();
    await cleanup();
  }
}

const USAGE = "usage: npm run bench:http [-- --postgres-url URL] [--only pglite|postgres]";

await runCli("bench:http", async () => {
  const { values } = parseFlags({ args: process.argv.slice(2), options: { "postgres-url": { type: "string" }, only: { type: "string" } } }, USAGE);
  if (values.only !== undefined && values.only !== "pglite" && values.only !== "postgres") throw new Error(`--only must be pglite or postgres. ${USAGE}`);
  const postgresUrl = values["postgres-url"] ?? process.env.TEST_DATABASE_URL;
  if (values.only === "postgres" && !postgresUrl) throw new Error(`--only postgres needs --postgres-url or TEST_DATABASE_URL. ${USAGE}`);
  const legs = (values.only ? [values.only] : ["pglite", "postgres"]).filter((d): d is DbKind => d === "pglite" || (d === "postgres" && Boolean(postgresUrl)));
  const root = repoRoot(import.meta.dirname);
  ensureBuild(root);
  if (!legs.includes("postgres")) console.error("[bench:http] no TEST_DATABASE_URL / --postgres-url: PGlite only");
  for (const db of legs) await benchOne(root, db, postgresUrl);
});
