import { describe, expect, test } from "vitest";
import { postgresSettings } from "@/server/db/postgres-settings";

describe("postgresSettings", () => {
  test("a direct connection: pool of 10, prepared statements, a statement timeout, no TLS unless asked", () => {
    expect(postgresSettings("postgres://app@127.0.0.1:5432/evne", {})).toEqual({
      url: "postgres://app@127.0.0.1:5432/evne",
      max: 10,
      prepare: true,
      transactionPooler: false,
      statementTimeoutMs: 15_000,
      ssl: false,
    });
  });

  test.each([
    "postgres://app:pw@ep-cool-name-123456-pooler.eu-central-1.aws.neon.tech/evne?sslmode=require",
    "postgres://postgres.abc:pw@aws-0-eu-central-1.pooler.supabase.com:6543/postgres?sslmode=require",
    "postgres://app:pw@db.internal:6543/evne",
    "postgres://app:pw@db.internal:5432/evne?pgbouncer=true&sslmode=require",
  ])("a transaction pooler is recognised and gets no prepared statements: %s", (url) => {
    const s = postgresSettings(url, {});
    expect(s.transactionPooler).toBe(true);
    expect(s.prepare).toBe(false);
    // Our hints never reach the server as startup parameters.
    expect(s.url).not.toMatch(/pgbouncer|sslmode/);
  });

  test("sslmode=require turns TLS on (postgres.js then refuses a server without TLS); verify-full checks the certificate", () => {
    expect(postgresSettings("postgres://a@h/db?sslmode=require", {}).ssl).toBe("require");
    expect(postgresSettings("postgres://a@h/db?sslmode=verify-full", {}).ssl).toBe("verify-full");
    expect(postgresSettings("postgres://a@h/db?sslmode=disable", {}).ssl).toBe(false);
  });

  test("the environment overrides the guesses; Vercel gets a small pool per instance", () => {
    expect(postgresSettings("postgres://a@h:6543/db", { DATABASE_POOLER: "none" }).prepare).toBe(true);
    expect(postgresSettings("postgres://a@h/db", { DATABASE_POOLER: "transaction" }).prepare).toBe(false);
    expect(postgresSettings("postgres://a@h/db", { VERCEL: "1" }).max).toBe(3);
    expect(postgresSettings("postgres://a@h/db", { VERCEL: "1", DATABASE_POOL_MAX: "8" }).max).toBe(8);
    expect(postgresSettings("postgres://a@h/db", { DATABASE_STATEMENT_TIMEOUT_MS: "2500" }).statementTimeoutMs).toBe(2500);
    expect(() => postgresSettings("postgres://a@h/db", { DATABASE_POOL_MAX: "lots" })).toThrow(/DATABASE_POOL_MAX/);
  });
});
