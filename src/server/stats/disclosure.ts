import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { statsDaily } from "@/server/db/schema";

/**
 * Disclosure control: the only gate between the rollup tables and anything that leaves the server
 * (dashboard, CSV). Rules, in the order they are applied:
 *
 * 1. Primary suppression (k-rule): a day cell is published only if at least k distinct people
 *    (pseudonyms, or user ids for logins and page views) stand behind it. k = STATS_K (default 10).
 *    Suppressed cells never leave the database query: see `publishedDayCell`.
 * 2. Periods: a period's number is the sum of its PUBLISHED day cells only. The people behind it are
 *    at least the largest `people` among those cells (>= k). Differences between two published
 *    period numbers are sums of published day cells, so no suppressed cell is ever recoverable.
 * 3. Secondary (complementary) suppression: where a total is published beside its parts (page views
 *    per route vs all routes on a day), subtracting the published parts from the total yields the
 *    combined suppressed parts. If that group could stand for fewer than k people (every member is
 *    below k), the smallest publishable part is suppressed as well, so the recoverable group always
 *    contains a cell with >= k people: see `suppressWithTotal`.
 * 4. Free text: a search term is shown only if it passed k AND is normalised and carries no e-mail
 *    address, phone number or run of 4+ digits: see `isPublishableQuery` (the rollup drops such
 *    terms already; this is the second check at the door).
 */

export type Cell = { events: number; people: number };

export function passesK(cell: { people: number }, k: number): boolean {
  return cell.people >= k;
}

/** SQL condition for rule 1, applied to stats_daily rows in every query that publishes. */
export function publishedDayCell(k: number): SQL {
  return sql`${statsDaily.people} >= ${k}`;
}

/**
 * Rule 3. `parts` are the cells that make up a published total. Returns the parts that may be
 * published; everything else is suppressed, including a complementary cell where needed.
 */
export function suppressWithTotal<T extends Cell>(parts: readonly T[], k: number): { published: T[]; suppressed: T[] } {
  const suppressed = parts.filter((p) => !passesK(p, k));
  const publishable = parts.filter((p) => passesK(p, k)).sort((a, b) => a.events - b.events || a.people - b.people);
  if (suppressed.length > 0 && publishable.length > 0) {
    // Every suppressed cell has < k people, so their difference-group could single someone out:
    // add the smallest publishable cell (>= k people) to the group.
    const complement = publishable.shift();
    if (complement) suppressed.push(complement);
  }
  return { published: parts.filter((p) => publishable.includes(p)), suppressed };
}

/** Rule 2: a period total over published day cells; null when no day cell passed. */
export function periodTotal(dayCells: readonly Cell[], k: number): { events: number; peopleAtLeast: number } | null {
  const published = dayCells.filter((c) => passesK(c, k));
  if (published.length === 0) return null;
  return { events: published.reduce((s, c) => s + c.events, 0), peopleAtLeast: Math.max(...published.map((c) => c.people)) };
}

export const maxQueryLength = 80;
const emailRe = /[^\s@]+@[^\s@]+/;
const phoneRe = /\+?\d[\d\s().-]{6,}\d/;
const digitRunRe = /\d{4,}/;

/** Lower-case, NFKC, whitespace-folded, trimmed and cut to a maximum length. */
export function normaliseQuery(query: string): string {
  return query.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim().slice(0, maxQueryLength).trim();
}

/** Rule 4: terms that could carry contact details or identifiers are dropped, never shown. */
export function isPublishableQuery(query: string): boolean {
  return query !== "" && query === normaliseQuery(query) && !emailRe.test(query) && !phoneRe.test(query) && !digitRunRe.test(query);
}

/** The same rule in SQL, for the rollup: `q` must already be normalised. POSIX regex syntax. */
export function publishableQuerySql(q: SQL): SQL {
  return sql`(${q} <> '' and ${q} !~ '[^[:space:]@]+@[^[:space:]@]+' and ${q} !~ '\\+?[0-9][0-9[:space:]().-]{6,}[0-9]' and ${q} !~ '[0-9]{4,}')`;
}
