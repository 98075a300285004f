import "server-only";
import { z } from "zod";

/**
 * How the app talks to a real Postgres, decided once from DATABASE_URL and a few optional variables.
 *
 * - Pool size (`DATABASE_POOL_MAX`): 10 for a long-running `next start`; 3 on Vercel, where every
 *   function instance has a pool of its own and a pooler (Neon/Supabase) multiplexes them, so a
 *   small pool per instance keeps the total under the server's connection limit.
 * - Prepared statements are off behind a transaction pooler (PgBouncer/Supavisor in transaction
 *   mode hand each transaction to any server connection, where a named statement may not exist).
 *   Detected from the URL: a Neon `-pooler` host, Supabase's `pooler.supabase.com`, port 6543, or
 *   `?pgbouncer=true`; `DATABASE_POOLER=transaction|none` overrides the guess.
 * - Statement timeout (`DATABASE_STATEMENT_TIMEOUT_MS`, default 15000) is sent as a startup
 *   parameter on direct connections. Transaction poolers reject unknown startup parameters, so
 *   there it must be set on the role instead: `alter role app set statement_timeout = '15s'`.
 * - TLS follows the URL: `sslmode=require` encrypts (never falls back to plain text),
 *   `verify-full` (or `verify-ca`) also checks the certificate, no sslmode = plain (loopback, CI).
 */
export type PostgresSettings = {
  url: string;
  max: number;
  prepare: boolean;
  transactionPooler: boolean;
  statementTimeoutMs: number;
  ssl: false | "require" | "verify-full" | "prefer" | "allow";
};

const settingsEnv = z.object({
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).optional(),
  DATABASE_POOLER: z.enum(["transaction", "none"]).optional(),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).optional(),
  VERCEL: z.string().optional(),
});

const sslModes = new Set(["require", "verify-full", "prefer", "allow"]);

export function postgresSettings(databaseUrl: string, source: Record<string, string | undefined> = process.env): PostgresSettings {
  const parsed = settingsEnv.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid environment variable ${issue?.path.join(".")}: ${issue?.message}`);
  }
  const env = parsed.data;
  const u = new URL(databaseUrl);
  // Hints for us, not server settings: postgres.js would send unknown query parameters to the server.
  const pgbouncerHint = u.searchParams.get("pgbouncer") === "true";
  u.searchParams.delete("pgbouncer");
  const sslmode = u.searchParams.get("sslmode");
  u.searchParams.delete("sslmode");
  const guessedPooler =
    pgbouncerHint || /-pooler\./.test(u.hostname) || u.hostname.endsWith("pooler.supabase.com") || u.port === "6543";
  const transactionPooler = env.DATABASE_POOLER ? env.DATABASE_POOLER === "transaction" : guessedPooler;
  return {
    url: u.toString(),
    max: env.DATABASE_POOL_MAX ?? (env.VERCEL ? 3 : 10),
    prepare: !transactionPooler,
    transactionPooler,
    statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS ?? 15_000,
    // postgres.js has no verify-ca; verify-full checks the certificate and the host name as well.
    ssl: sslmode === "verify-ca" ? "verify-full" : sslmode && sslModes.has(sslmode) ? (sslmode as PostgresSettings["ssl"]) : false,
  };
}
