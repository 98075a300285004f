import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";

// Bad configuration must give one clear line and a non-zero exit, never a bare stack trace.
function migrate(env: Record<string, string>) {
  const result = spawnSync(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/db-migrate.ts"], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "test", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  const lines = result.stderr.split("\n").filter((l) => l.startsWith("[db:migrate]"));
  return { status: result.status, lines, stderr: result.stderr };
}

describe("start-up failures", () => {
  test("an invalid environment variable is named", () => {
    const r = migrate({ DATABASE_URL: "mysql://nope" });
    expect(r.status).toBe(1);
    expect(r.lines).toEqual([expect.stringMatching(/^\[db:migrate\] Invalid environment variable DATABASE_URL/)]);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test("an unreachable DATABASE_URL says so", () => {
    const r = migrate({ DATABASE_URL: "postgres://evne:secret@127.0.0.1:1/evne" });
    expect(r.status).toBe(1);
    expect(r.lines).toEqual([expect.stringMatching(/Could not connect to DATABASE_URL \(postgres:\/\/evne:\*\*\*@127\.0\.0\.1:1\/evne\)/)]);
    expect(r.stderr).not.toContain("secret");
  });

  test("a corrupt embedded data directory says how to recover", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "evne-corrupt-"));
    mkdirSync(path.join(dataDir, "pglite", "base"), { recursive: true });
    writeFileSync(path.join(dataDir, "pglite", "PG_VERSION"), "garbage\n");
    writeFileSync(path.join(dataDir, "pglite", "global"), Buffer.alloc(4096, 7));
    const r = migrate({ DATA_DIR: dataDir });
    expect(r.status).toBe(1);
    expect(r.lines).toEqual([expect.stringMatching(/embedded database .* could not be opened.*rm -rf/)]);
  });
});
