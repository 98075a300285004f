// The one rule for which label of a concept a person sees: the preferred label in their language,
// else the preferred label in the other language, else any non-hidden label (alphabetically first).
// Search uses the function over the in-memory index; SQL callers use `displayLabelSql`.
import "server-only";
import { sql, type SQL } from "drizzle-orm";

export type DisplayLang = "nb" | "en";
export type DisplayLabelCandidate = { lang: string; labelKind: "preferred" | "alt" | "hidden"; label: string };

export const otherLang = (lang: DisplayLang): DisplayLang => (lang === "nb" ? "en" : "nb");

/** The label to show for a concept with these labels, in `lang`; null when it has none to show. */
export function displayLabel(labels: readonly DisplayLabelCandidate[], lang: DisplayLang): string | null {
  let best: DisplayLabelCandidate | null = null;
  let bestRank = Infinity;
  for (const l of labels) {
    const rank = displayRank(l, lang);
    if (rank < bestRank || (rank === bestRank && best && l.label < best.label)) {
      best = l;
      bestRank = rank;
    }
  }
  return best && bestRank < Infinity ? best.label : null;
}

function displayRank(l: DisplayLabelCandidate, lang: DisplayLang): number {
  if (l.labelKind === "hidden") return Infinity;
  const preferred = l.labelKind === "preferred";
  if (preferred && l.lang === lang) return 0;
  if (preferred && l.lang === otherLang(lang)) return 1;
  if (preferred) return 2;
  return l.lang === lang ? 3 : 4;
}

/** The same rule as a scalar subquery: the display label of the concept whose id is `conceptId`. */
export function displayLabelSql(conceptId: SQL | SQL.Aliased | ReturnType<typeof sql.raw>, lang: DisplayLang): SQL<string | null> {
  const other = otherLang(lang);
  return sql<string | null>`(select dl.label from concept_labels dl where dl.concept_id = ${conceptId} and dl.label_kind <> 'hidden'
    order by (dl.label_kind = 'preferred' and dl.lang = ${lang}) desc, (dl.label_kind = 'preferred' and dl.lang = ${other}) desc,
      (dl.label_kind = 'preferred') desc, (dl.lang = ${lang}) desc, dl.label limit 1)`;
}
