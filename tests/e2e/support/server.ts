// Builds the app once (when .next is missing or older than the sources) and runs `next start` on a
// free port with a fresh DATA_DIR, so journeys and the HTTP bench see a production server on
// embedded defaults. Shared by tests/e2e/global-setup.ts and scripts/bench-http.ts.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/** Inputs whose change makes the last build stale. */
const buildInputs = ["src", "public", "drizzle", "next.config.ts", "package-lock.json", "tsconfig.json"];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Why the build must run again, or null when .next/BUILD_ID is newer than every input. */
export function staleBuildReason(root: string): string | null {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return ".next/BUILD_ID is missing";
  const builtAt = statSync(buildId).mtimeMs;
  const changed = buildInputs.find((input) => newestMtime(path.join(root, input)) > builtAt);
  return changed ? `${changed} changed after the last build` : null;
}

function baseEnv(dataDir: string): NodeJS.ProcessEnv {
  // Embedded defaults: no remote adapters, whatever the caller's shell exports.
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", DATA_DIR: dataDir, EVNE_AUTH: "local" };
  for (const name of ["DATABASE_URL", "CLERK_SECRET_KEY", "NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY", "OPENAI_API_KEY", "UPLOADTHING_TOKEN", "VERCEL_ENV", "NODE_ENV"]) {
    delete env[name];
  }
  return env;
}

function nextBin(root: string): string {
  return path.join(root, "node_modules", "next", "dist", "bin", "next");
}

/** Runs `next build` unless the existing build is current. Throws with the build's output on failure. */
export function ensureBuild(root: string, log: (line: string) => void = console.error): void {
  const reason = process.env.E2E_FORCE_BUILD ? "E2E_FORCE_BUILD is set" : staleBuildReason(root);
  if (!reason) {
    log("[e2e] reusing .next (newer than the sources)");
    return;
  }
  log(`[e2e] next build (${reason}) …`);
  const dataDir = mkdtempSync(path.join(tmpdir(), "evne-build-data-"));
  const result = spawnSync(process.execPath, [nextBin(root), "build"], {
    cwd: root,
    env: baseEnv(dataDir),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  rmSync(dataDir, { recursive: true, force: true });
  if (result.status !== 0) {
    throw new Error(`next build failed (exit ${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export type RunningServer = { baseURL: string; dataDir: string; output: () => string; stop: () => Promise<void> };

/** Starts `next start` on 127.0.0.1 with a fresh (or the given) DATA_DIR and resolves once it answers. */
export async function startServer(
  root: string,
  opts: { env?: Record<string, string>; readyTimeoutMs?: number; dataDir?: string } = {},
): Promise<RunningServer> {
  const port = await freePort();
  // A caller's prepared DATA_DIR (bench:http seeds it first) is removed on stop like a fresh one.
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), "evne-e2e-data-"));
  const child: ChildProcess = spawn(process.execPath, [nextBin(root), "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: root,
    env: { ...baseEnv(dataDir), ...opts.env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const baseURL = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
      const timer = setTimeout(() => child.pid && process.kill(-child.pid, "SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (opts.readyTimeoutMs ?? 120_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`next start exited with ${child.exitCode}:\n${output}`);
    }
    try {
      // The sign-in page touches the database, so a 200 means migrations and seeding are done.
      const res = await fetch(`${baseURL}/sign-in`, { redirect: "manual" });
      if (res.status === 200) return { baseURL, dataDir, output: () => output, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`next start did not answer within the timeout:\n${output}`);
}

/** The repository root: the folder holding package.json named "evne". */
export function repoRoot(from: string): string {
  let dir = from;
  while (dir !== path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "evne") return dir;
    dir = path.dirname(dir);
  }
  throw new Error(`no evne package.json above ${from}`);
}
