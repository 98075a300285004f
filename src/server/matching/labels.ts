// Display labels and label lookups over concept_labels.
import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { queryRows } from "@/server/db/rows";
import { normalizeLabel } from "@/server/taxonomy/normalize";
import { textArray, uuidArray } from "./sql";
import type { MatchLang } from "./types";

/** The preferred label of each concept in `lang`, falling back to English, then any label. */
export async function labelsFor(db: Db, ids: readonly string[], lang: MatchLang): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (ids.length === 0) return out;
  const rows = await queryRows<{ concept_id: string; label: string }>(
    db,
    sql`select distinct on (concept_id) concept_id, label from concept_labels
        where concept_id = any(${uuidArray([...new Set(ids)])})
        order by concept_id, (lang = ${lang}) desc, (lang = 'en') desc,
          case label_kind when 'preferred' then 0 when 'alt' then 1 else 2 end, id`,
  );
  for (const row of rows) out.set(row.concept_id, row.label);
  return out;
}

/**
 * Exact normalized label or synonym lookup: the concept each text names, if any. A preferred label
 * wins over a synonym, the asked language over others, so "Java" means the skill called Java.
 */
export async function resolveSkillLabels(db: Db, texts: readonly string[], lang: MatchLang): Promise<Map<string, string>> {
  const normalized = [...new Set(texts.map(normalizeLabel).filter(Boolean))];
  const out = new Map<string, string>();
  if (normalized.length === 0) return out;
  const rows = await queryRows<{ normalized: string; concept_id: string }>(
    db,
    sql`select distinct on (normalized) normalized, concept_id from concept_labels
        where kind = 'skill' and normalized = any(${textArray(normalized)})
        order by normalized, case label_kind when 'preferred' then 0 when 'alt' then 1 else 2 end,
          (lang = ${lang}) desc, concept_id`,
  );
  for (const row of rows) out.set(row.normalized, row.concept_id);
  return out;
}
