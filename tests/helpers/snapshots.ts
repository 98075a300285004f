import { sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { queryRows } from "@/server/db/rows";

/** Row count of every table in the public schema (migrations bookkeeping excluded). */
export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const tables = await queryRows<{ table: string }>(
    db,
    sql`select table_name as "table" from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const out: Record<string, number> = {};
  for (const { table } of tables) {
    const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(table)}`);
    out[table] = row?.n ?? 0;
  }
  return out;
}

/**
 * Every row that belongs to a user, as JSON text per table: the users row, each table with a
 * user_id column, and the experience_skills links of their experiences. Equal snapshots before and
 * after a call mean the call changed nothing of theirs.
 */
export async function rowsOwnedBy(db: Db, userId: string): Promise<Record<string, string>> {
  const tables = await queryRows<{ table: string }>(
    db,
    sql`select table_name as "table" from information_schema.columns
        where table_schema = 'public' and column_name = 'user_id' order by table_name`,
  );
  const out: Record<string, string> = {};
  const dump = async (name: string, query: ReturnType<typeof sql>) => {
    const [row] = await queryRows<{ rows: unknown }>(db, query);
    out[name] = JSON.stringify(row?.rows ?? []);
  };
  await dump("users", sql`select coalesce(json_agg(t order by t.id), '[]'::json) as rows from users t where t.id = ${userId}`);
  for (const { table } of tables) {
    await dump(
      table,
      sql`select coalesce(json_agg(t order by t::text), '[]'::json) as rows from ${sql.identifier(table)} t where t.user_id::text = ${userId}`,
    );
  }
  await dump(
    "experience_skills",
    sql`select coalesce(json_agg(t order by t::text), '[]'::json) as rows from experience_skills t
        join experiences e on e.id = t.experience_id where e.user_id = ${userId}`,
  );
  return out;
}
