import { z } from "zod";

/** Empty strings count as missing, so `FOO=` in an .env file never passes as a value. */
const optional = z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().optional());
const optionalInt = (fallback: number, min: number) =>
  z.preprocess((v) => (v === "" || v === undefined ? undefined : v), z.coerce.number().int().min(min).default(fallback));

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  VERCEL: optional,
  VERCEL_ENV: optional,
  /** Off Vercel: how many proxies we run in front of the app append to X-Forwarded-For (unset: none trusted). */
  TRUSTED_PROXY: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(10).optional()),
  DATA_DIR: optional,
  DATABASE_URL: optional.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  CLERK_SECRET_KEY: optional,
  NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: optional,
  CLERK_JWT_KEY: optional,
  CLERK_WEBHOOK_SIGNING_SECRET: optional,
  /** Opt-in for passwordless local sign-in outside development (self-hosting, browser tests). */
  EVNE_AUTH: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.enum(["local"]).optional()),
  OPENAI_API_KEY: optional,
  OPENAI_EMBEDDING_MODEL: z.preprocess((v) => (v === "" ? undefined : v), z.string().default("text-embedding-3-small")),
  OPENAI_CHAT_MODEL: z.preprocess((v) => (v === "" ? undefined : v), z.string().default("gpt-4o-mini")),
  UPLOADTHING_TOKEN: optional,
  /** SMTP submission URL of an EU mail provider, e.g. smtps://user:pass@smtp.example.eu:465 */
  SMTP_URL: optional.pipe(z.url({ protocol: /^smtps?$/ }).optional()),
  /** Sender address the provider accepts for this domain, e.g. "Evne <personvern@evne.no>". */
  MAIL_FROM: optional,
  SEARCH_LOG_KEY: optional,
  AUTH_SECRET: optional,
  ADMIN_EMAILS: optional,
  CRON_SECRET: optional,
  STATS_K: optionalInt(10, 2),
  SEARCH_LOG_RETENTION_DAYS: optionalInt(90, 1),
});

export type Env = z.infer<typeof envSchema> & { dataDir: string };

export class EnvError extends Error {
  override name = "EnvError";
}

/** Parses and cross-checks the environment; throws one EnvError naming the variable at fault. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = issue?.path.join(".") ?? "environment";
    throw new EnvError(`Invalid environment variable ${name}: ${issue?.message ?? "invalid"}`);
  }
  const env = result.data;
  const clerkKeys = [env.CLERK_SECRET_KEY, env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY];
  if (clerkKeys.some(Boolean) && !clerkKeys.every(Boolean)) {
    const missing = env.CLERK_SECRET_KEY ? "NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY" : "CLERK_SECRET_KEY";
    throw new EnvError(`Missing environment variable ${missing}: Clerk needs both its secret and publishable key`);
  }
  if (env.VERCEL_ENV === "production") {
    for (const name of ["CLERK_SECRET_KEY", "DATABASE_URL", "SEARCH_LOG_KEY", "CRON_SECRET", "SMTP_URL"] as const) {
      if (!env[name]) {
        throw new EnvError(`Missing environment variable ${name}: required on a Vercel production deployment (embedded defaults are for development only)`);
      }
    }
  }
  // `next build` and `next start` run with NODE_ENV=production; `next dev` and tests do not.
  const production = env.NODE_ENV === "production" || env.VERCEL_ENV === "production";
  const clerk = Boolean(env.CLERK_SECRET_KEY);
  if (!clerk && production && env.EVNE_AUTH !== "local") {
    throw new EnvError(
      "Missing environment variable EVNE_AUTH: set EVNE_AUTH=local to allow passwordless local sign-in on this server, or set the Clerk keys and CLERK_WEBHOOK_SIGNING_SECRET",
    );
  }
  if (clerk && production && !env.CLERK_WEBHOOK_SIGNING_SECRET) {
    throw new EnvError("Missing environment variable CLERK_WEBHOOK_SIGNING_SECRET: required in production with Clerk, or deleted accounts are never erased here");
  }
  if (env.SMTP_URL && !env.MAIL_FROM) {
    throw new EnvError("Missing environment variable MAIL_FROM: the sender address for SMTP_URL");
  }
  return { ...env, dataDir: env.DATA_DIR ?? ".data" };
}

export type AdapterChoice = {
  db: "pglite" | "postgres";
  auth: "clerk" | "local";
  embeddings: "openai" | "local";
  storage: "uploadthing" | "disk";
  /** Console only in development and tests; elsewhere without SMTP_URL no mail can be sent. */
  mail: "smtp" | "console" | "none";
};

export function chooseAdapters(env: Env): AdapterChoice {
  return {
    db: env.DATABASE_URL ? "postgres" : "pglite",
    auth: env.CLERK_SECRET_KEY ? "clerk" : "local",
    embeddings: env.OPENAI_API_KEY ? "openai" : "local",
    storage: env.UPLOADTHING_TOKEN ? "uploadthing" : "disk",
    mail: env.SMTP_URL ? "smtp" : env.NODE_ENV === "production" ? "none" : "console",
  };
}

export function describeAdapters(env: Env): string {
  const a = chooseAdapters(env);
  const db = a.db === "pglite" ? `pglite(${env.dataDir}/pglite)` : "postgres";
  return `db=${db} auth=${a.auth} embeddings=${a.embeddings} storage=${a.storage} mail=${a.mail}`;
}

let cached: Env | undefined;

/** The validated process environment, parsed once. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
