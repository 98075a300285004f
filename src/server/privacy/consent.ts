import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { consentEvents, consentPurposeValues } from "@/server/db/schema";

export type ConsentPurpose = (typeof consentPurposeValues)[number];
export type ConsentState = Record<ConsentPurpose, boolean>;

/** Latest choice per purpose; no row means not granted. */
export async function currentConsents(db: Db, p: { userId: string }): Promise<ConsentState> {
  const rows = await db
    .select({ purpose: consentEvents.purpose, granted: consentEvents.granted })
    .from(consentEvents)
    .where(eq(consentEvents.userId, p.userId))
    .orderBy(desc(consentEvents.id));
  const state: ConsentState = { marketing_email: false, newsletter: false, analytics: false };
  const seen = new Set<ConsentPurpose>();
  for (const r of rows) {
    if (seen.has(r.purpose)) continue;
    seen.add(r.purpose);
    state[r.purpose] = r.granted;
  }
  return state;
}

/**
 * Appends a grant or a withdrawal to the ledger. A choice equal to the latest one for that purpose
 * is not a new grant or withdrawal and writes nothing; the first choice is always written.
 */
export async function recordConsent(
  db: Db,
  p: { userId: string; purpose: ConsentPurpose; granted: boolean; source: string; policyVersion: string },
): Promise<{ recorded: boolean }> {
  const [previous] = await db
    .select({ granted: consentEvents.granted })
    .from(consentEvents)
    .where(and(eq(consentEvents.userId, p.userId), eq(consentEvents.purpose, p.purpose)))
    .orderBy(desc(consentEvents.id))
    .limit(1);
  if (previous && previous.granted === p.granted) return { recorded: false };
  await db.insert(consentEvents).values({ userId: p.userId, purpose: p.purpose, granted: p.granted, source: p.source, policyVersion: p.policyVersion });
  return { recorded: true };
}
