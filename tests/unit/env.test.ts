import { describe, expect, test } from "vitest";
import { chooseAdapters, describeAdapters, EnvError, parseEnv } from "@/env";

describe("environment", () => {
  test("no keys at all selects every embedded default", () => {
    const env = parseEnv({});
    expect(chooseAdapters(env)).toEqual({ db: "pglite", auth: "local", embeddings: "local", storage: "disk", mail: "console" });
    expect(describeAdapters(env)).toBe("db=pglite(.data/pglite) auth=local embeddings=local storage=disk mail=console");
  });

  test("keys select the production adapters", () => {
    const env = parseEnv({
      DATABASE_URL: "postgres://u:p@db.example.com:5432/evne",
      CLERK_SECRET_KEY: "sk_test_x",
      NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: "pk_test_x",
      OPENAI_API_KEY: "k",
      UPLOADTHING_TOKEN: "t",
      SMTP_URL: "smtps://u:p@smtp.example.eu:465",
      MAIL_FROM: "Evne <personvern@evne.no>",
    });
    expect(chooseAdapters(env)).toEqual({ db: "postgres", auth: "clerk", embeddings: "openai", storage: "uploadthing", mail: "smtp" });
  });

  test("an empty string counts as missing", () => {
    const env = parseEnv({ DATABASE_URL: "", OPENAI_API_KEY: "  ", CLERK_SECRET_KEY: "" });
    expect(chooseAdapters(env)).toMatchObject({ db: "pglite", embeddings: "local", auth: "local" });
  });

  test("an invalid value names the variable in one line", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://nope" })).toThrow(/^Invalid environment variable DATABASE_URL/);
    expect(() => parseEnv({ STATS_K: "one" })).toThrow(EnvError);
    expect(() => parseEnv({ STATS_K: "one" })).toThrow(/STATS_K/);
  });

  test("half a Clerk configuration names the missing key", () => {
    expect(() => parseEnv({ CLERK_SECRET_KEY: "sk_test_x" })).toThrow(/NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY/);
  });

  test("local sign-in and the embedded database refuse a Vercel production deployment", () => {
    expect(() => parseEnv({ VERCEL_ENV: "production" })).toThrow(/CLERK_SECRET_KEY.*Vercel production/);
    expect(() =>
      parseEnv({ VERCEL_ENV: "production", CLERK_SECRET_KEY: "sk", NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: "pk" }),
    ).toThrow(/DATABASE_URL/);
  });

  test("defaults for statistics settings", () => {
    const env = parseEnv({});
    expect(env.STATS_K).toBe(10);
    expect(env.SEARCH_LOG_RETENTION_DAYS).toBe(90);
    expect(parseEnv({ STATS_K: "25" }).STATS_K).toBe(25);
  });
});
