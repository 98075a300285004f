import { sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { queryRows } from "@/server/db/rows";

/** Row count of every table in the public schema, in one round trip. */
export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const tables = await queryRows<{ table: string }>(
    db,
    sql`select table_name as "table" from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const fields = sql.join(
    tables.map(({ table }) => sql`${table}::text, (select count(*) from ${sql.identifier(table)})`),
    sql`, `,
  );
  const [row] = await queryRows<{ counts: Record<string, number> }>(db, sql`select json_build_object(${fields}) as counts`);
  return row?.counts ?? {};
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
  const agg = (from: ReturnType<typeof sql>) => sql`(select coalesce(json_agg(t order by t::text), '[]'::json)::text from ${from})`;
  const fields = sql.join(
    [
      sql`'users', ${agg(sql`users t where t.id = ${userId}`)}`,
      ...tables.map(({ table }) => sql`${table}::text, ${agg(sql`${sql.identifier(table)} t where t.user_id::text = ${userId}`)}`),
      sql`'experience_skills', ${agg(sql`experience_skills t join experiences e on e.id = t.experience_id where e.user_id = ${userId}`)}`,
    ],
    sql`, `,
  );
  const [row] = await queryRows<{ rows: Record<string, string> }>(db, sql`select json_build_object(${fields}) as rows`);
  return row?.rows ?? {};
}
