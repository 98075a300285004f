// npm run cli -- match (--skills "a; b; c" | --text "…") [--lang nb|en] [--limit 10] --json
// Ranks roles for the given skills, or for a free text, on whatever taxonomy the configured database
// holds, through the same code as /matches, the text panel and POST /api/match. Prints only
// {"roles":[…]} on stdout; logs go to stderr. An empty embedded database gets the starter taxonomy,
// as the app gives it on start. Embedded mode: PGlite is single-process, so stop `npm run dev` first.
import { sql } from "drizzle-orm";
import { parseEnv } from "@/env";
import type { Db } from "@/server/db/client";
import { openConfigured } from "@/server/db/open-configured";
import { queryRows } from "@/server/db/rows";
import { embedderFor } from "@/server/embeddings";
import { embedConcepts } from "@/server/embeddings/concepts";
import type { Embedder } from "@/server/embeddings/types";
import { matchByLabels, splitSkillList, toCliRoles, type CliRole } from "@/server/matching/by-labels";
import { matchByText } from "@/server/matching/by-text";
import { seedStarterTaxonomy } from "@/server/seed/starter-taxonomy";
import { parseFlags } from "../cli-runtime";

const USAGE = 'usage: npm run cli -- match (--skills "a; b; c" | --text "…") [--lang nb|en] [--limit 10] --json';

export type MatchArgs = { skills: string[]; text?: undefined; lang: "nb" | "en"; limit: number } | { skills?: undefined; text: string; lang: "nb" | "en"; limit: number };

export function parseMatchArgs(args: string[]): MatchArgs {
  const { values } = parseFlags(
    { args, options: { skills: { type: "string" }, text: { type: "string" }, lang: { type: "string" }, limit: { type: "string" }, json: { type: "boolean" } } },
    USAGE,
  );
  const lang = values.lang ?? "nb";
  if (lang !== "nb" && lang !== "en") throw new Error("--lang must be nb or en");
  const limit = Number(values.limit ?? 10);
  if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw new Error("--limit must be a whole number from 1 to 50");
  if (values.text !== undefined && values.skills !== undefined) throw new Error(`give --skills or --text, not both. ${USAGE}`);
  if (values.text !== undefined) {
    if (!values.text.trim()) throw new Error(`--text is empty. ${USAGE}`);
    return { text: values.text, lang, limit };
  }
  const skills = splitSkillList(values.skills ?? "");
  if (skills.length === 0) throw new Error(USAGE);
  return { skills, lang, limit };
}

/** The command's whole output, for a given database: tests and the evaluation call this directly. */
export async function matchCommand(db: Db, args: MatchArgs, embedder: Embedder): Promise<{ roles: CliRole[] }> {
  if (args.text !== undefined) {
    const result = await matchByText(db, { text: args.text, lang: args.lang, limit: args.limit, embedder });
    if (result.status === "too_little_text") {
      console.error(`[match] too little to go on: the text needs at least ${result.minimumWords} words that are not stop words or numbers`);
      return { roles: [] };
    }
    return { roles: result.status === "ok" ? toCliRoles(result.roles) : [] };
  }
  const result = await matchByLabels(db, { labels: args.skills, lang: args.lang, limit: args.limit, embedder });
  if (result.status === "too_few_skills") {
    console.error(`[match] at least ${result.minimum} different skills are needed for a score; try adding: ${result.suggestions.map((s) => s.label).join(", ")}`);
    return { roles: [] };
  }
  return { roles: result.status === "ok" ? toCliRoles(result.roles) : [] };
}

/** Roles in the database; an empty embedded one is given the starter taxonomy, as the app does on start. */
async function ensureTaxonomy(db: Db, embedded: boolean, embedder: Embedder): Promise<void> {
  if (embedded) {
    await seedStarterTaxonomy(db);
    await embedConcepts(db, embedder);
  }
  const [row] = await queryRows<{ roles: number }>(db, sql`select count(*)::int as roles from concepts where kind = 'role'`);
  if ((row?.roles ?? 0) === 0) {
    throw new Error(
      "the database at DATABASE_URL has no roles to match against. Load a taxonomy first: `npm run db:seed` (starter taxonomy) or `npm run taxonomy:import -- --esco <dir>` (ESCO), then `npm run taxonomy:embed`.",
    );
  }
}

export async function run(args: string[]): Promise<void> {
  const parsed = parseMatchArgs(args);
  const env = parseEnv(process.env);
  // stdout is the result only: anything a library prints goes to stderr while we work.
  const log = console.log;
  console.log = (...items: unknown[]) => console.error(...items);
  let out: { roles: CliRole[] };
  try {
    const handle = await openConfigured(env);
    try {
      const embedder = embedderFor(env);
      await ensureTaxonomy(handle.db, handle.driver === "pglite", embedder);
      out = await matchCommand(handle.db, parsed, embedder);
    } finally {
      await handle.close();
    }
  } finally {
    console.log = log;
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
}
