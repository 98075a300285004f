// Small helpers to pass arrays and vectors to raw SQL as single parameters (drizzle would expand a JS
// array into a list of parameters). Ids are validated as UUIDs before they reach here.
import "server-only";
import { sql, type SQL } from "drizzle-orm";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}

export function uuidArray(ids: readonly string[]): SQL {
  for (const id of ids) if (!isUuid(id)) throw new Error(`not a uuid: ${id}`);
  return sql`${`{${ids.join(",")}}`}::uuid[]`;
}

export function floatArray(values: readonly number[]): SQL {
  return sql`${`{${values.map((v) => (Number.isFinite(v) ? v : 0)).join(",")}}`}::float8[]`;
}

export function intArray(values: readonly number[]): SQL {
  return sql`${`{${values.map((v) => (Number.isInteger(v) ? v : 0)).join(",")}}`}::int[]`;
}

export function textArray(values: readonly string[]): SQL {
  // JSON string escaping is a valid Postgres array element quoting for our purposes (\" and \\).
  return sql`${`{${values.map((v) => JSON.stringify(v)).join(",")}}`}::text[]`;
}

export function vectorLiteral(values: readonly number[]): SQL {
  return sql`${`[${values.join(",")}]`}::vector`;
}
