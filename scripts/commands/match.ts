// npm run cli -- match --skills "a; b; c" [--lang nb|en] [--limit 10] --json
// Ranks roles for the given skills on whatever taxonomy the configured database holds, through the
// same code as /matches and POST /api/match. Prints only {"roles":[…]} on stdout; logs go to stderr.
// Embedded mode: PGlite is single-process, so stop `npm run dev` first (or point DATA_DIR elsewhere).
import path from "node:path";
import { parseEnv } from "../../src/env";
import { openPglite, openPostgres, type Db } from "../../src/server/db/client";
import { runMigrations } from "../../src/server/db/migrate";
import { embedderFor } from "../../src/server/embeddings";
import type { Embedder } from "../../src/server/embeddings/types";
import { matchByLabels, splitSkillList, toCliRoles, type CliRole } from "../../src/server/matching/by-labels";

export type MatchArgs = { skills: string[]; lang: "nb" | "en"; limit: number };

export function parseMatchArgs(args: string[]): MatchArgs {
  const value = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const skills = splitSkillList(value("--skills") ?? "");
  if (skills.length === 0) throw new Error('usage: npm run cli -- match --skills "a; b; c" [--lang nb|en] [--limit 10] --json');
  const lang = value("--lang") ?? "nb";
  if (lang !== "nb" && lang !== "en") throw new Error("--lang must be nb or en");
  const limit = Number(value("--limit") ?? 10);
  if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw new Error("--limit must be a whole number from 1 to 50");
  return { skills, lang, limit };
}

/** The command's whole output, for a given database: tests and the evaluation call this directly. */
export async function matchCommand(db: Db, args: MatchArgs, embedder: Embedder): Promise<{ roles: CliRole[] }> {
  const result = await matchByLabels(db, { labels: args.skills, lang: args.lang, limit: args.limit, embedder });
  if (result.status === "too_few_skills") {
    console.error(`[match] at least ${result.minimum} different skills are needed for a score; try adding: ${result.suggestions.map((s) => s.label).join(", ")}`);
    return { roles: [] };
  }
  return { roles: result.status === "ok" ? toCliRoles(result.roles) : [] };
}

export async function run(args: string[]): Promise<void> {
  const parsed = parseMatchArgs(args);
  const env = parseEnv(process.env);
  // stdout is the result only: anything a library prints goes to stderr while we work.
  const log = console.log;
  console.log = (...items: unknown[]) => console.error(...items);
  let out: { roles: CliRole[] };
  try {
    const handle = env.DATABASE_URL ? await openPostgres(env.DATABASE_URL) : await openPglite(path.resolve(env.dataDir, "pglite"));
    try {
      // Embedded: a fresh DATA_DIR gets its tables; Postgres is migrated at deploy time.
      if (handle.driver === "pglite") await runMigrations(handle);
      out = await matchCommand(handle.db, parsed, embedderFor(env));
    } finally {
      await handle.close();
    }
  } finally {
    console.log = log;
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
}
