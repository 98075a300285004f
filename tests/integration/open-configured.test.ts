import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, test } from "vitest";
import type { Db } from "@/server/db/client";
import { openConfigured } from "@/server/db/open-configured";
import { queryRows } from "@/server/db/rows";

const dataDir = mkdtempSync(path.join(tmpdir(), "evne-open-configured-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function hasTable(db: Db, name: string): Promise<boolean> {
  const [row] = await queryRows<{ found: boolean }>(db, sql`select to_regclass(${name}) is not null as found`);
  return row?.found ?? false;
}

describe("openConfigured", () => {
  test("without DATABASE_URL opens the embedded database under DATA_DIR, migrated", async () => {
    const handle = await openConfigured({ DATABASE_URL: undefined, dataDir });
    try {
      expect(handle.driver).toBe("pglite");
      expect(existsSync(path.join(dataDir, "pglite", "PG_VERSION"))).toBe(true);
      expect(await hasTable(handle.db, "concepts")).toBe(true);
    } finally {
      await handle.close();
    }
  });

  test("with DATABASE_URL connects there and leaves the embedded database alone", async () => {
    const elsewhere = mkdtempSync(path.join(tmpdir(), "evne-open-configured-"));
    await expect(openConfigured({ DATABASE_URL: "postgres://evne@127.0.0.1:1/evne", dataDir: elsewhere })).rejects.toThrow(/Could not connect to DATABASE_URL/);
    expect(existsSync(path.join(elsewhere, "pglite"))).toBe(false);
    rmSync(elsewhere, { recursive: true, force: true });
  });
});
