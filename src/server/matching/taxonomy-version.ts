// The key in-process matching structures are cached under: it changes whenever the taxonomy does.
// At merge this points at src/server/taxonomy/version.ts (getTaxonomyVersion), built for search.
// No `import "server-only"`: the CLI, the evaluation and the benchmark use it.
import { sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { queryRows } from "@/server/db/rows";

export async function matchingTaxonomyVersion(db: Db): Promise<string> {
  const [row] = await queryRows<{ concepts: number; updated: string | null; links: number }>(
    db,
    sql`select (select count(*)::int from concepts) as concepts,
          (select max(updated_at)::text from concepts) as updated,
          (select count(*)::int from role_skills) as links`,
  );
  return `${row?.concepts ?? 0}:${row?.updated ?? ""}:${row?.links ?? 0}`;
}
