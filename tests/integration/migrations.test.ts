import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows } from "@/server/db/rows";
import { createTestDb, type TestDb } from "@tests/helpers/db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

describe("migrations on embedded PGlite", () => {
  test("enable vector and pg_trgm and create the core tables", async () => {
    const ext = await queryRows<{ extname: string }>(t.db, sql`select extname from pg_extension order by extname`);
    expect(ext.map((e) => e.extname)).toEqual(expect.arrayContaining(["vector", "pg_trgm"]));
    const tables = await queryRows<{ table_name: string }>(
      t.db,
      sql`select table_name from information_schema.tables where table_schema = 'public'`,
    );
    expect(tables.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(["users", "profiles", "concepts", "concept_labels", "role_skills", "search_log", "concept_embeddings"]),
    );
  });

  test("the search log has no column that could hold a user id, IP or session", async () => {
    const cols = await queryRows<{ column_name: string }>(
      t.db,
      sql`select column_name from information_schema.columns where table_name = 'search_log'`,
    );
    expect(cols.map((c) => c.column_name).sort()).toEqual(
      ["id", "key_id", "occurred_at", "pseudonym", "query", "resolved_concept_id", "search_type"].sort(),
    );
  });
});
