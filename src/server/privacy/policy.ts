import "server-only";
import { and, desc, eq, gt, lte } from "drizzle-orm";
import { z } from "zod";
import { currentPolicy } from "@/i18n/messages/policy";
import type { Db } from "@/server/db/client";
import { mailOutbox, policyAcknowledgements, policyVersions, users } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { addCalendarDays, osloDate, osloMidnight } from "./oslo-time";

export type PolicyVersion = typeof policyVersions.$inferSelect;

/** Material changes must be announced at least this many full days before they take effect (the policy says so). */
export const materialNoticeDays = 14;

/**
 * The first date (YYYY-MM-DD, Oslo) a material change published at `now` may take effect: the
 * publishing day is partly gone, so 14 full Oslo days follow it before the change begins at
 * midnight Oslo time.
 */
export function earliestMaterialDate(now = new Date()): string {
  return addCalendarDays(osloDate(now), materialNoticeDays + 1);
}

export const publishPolicyInput = z.object({
  version: z.string().trim().min(1).max(20).regex(/^[\w.-]+$/),
  summaryNb: z.string().trim().min(1).max(2000),
  summaryEn: z.string().trim().min(1).max(2000),
  material: z.boolean(),
  effectiveDate: z.iso.date(),
});
export type PublishPolicyInput = z.infer<typeof publishPolicyInput>;

/** The version in force at `now`: the newest published one already effective, else the built-in one. */
export async function effectivePolicy(db: Db, now = new Date()): Promise<{ version: string; effectiveAt: Date; summary: { nb: string; en: string } | null }> {
  const [row] = await db.select().from(policyVersions).where(lte(policyVersions.effectiveAt, now)).orderBy(desc(policyVersions.effectiveAt), desc(policyVersions.id)).limit(1);
  if (row) return { version: row.version, effectiveAt: row.effectiveAt, summary: row.summary };
  return { version: currentPolicy.version, effectiveAt: new Date(currentPolicy.effectiveDate), summary: null };
}

/** A published version that has not taken effect yet, if any: announced in advance. */
export async function upcomingPolicy(db: Db, now = new Date()): Promise<PolicyVersion | null> {
  const [row] = await db.select().from(policyVersions).where(gt(policyVersions.effectiveAt, now)).orderBy(desc(policyVersions.effectiveAt)).limit(1);
  return row ?? null;
}

export async function listPolicyVersions(db: Db): Promise<PolicyVersion[]> {
  return db.select().from(policyVersions).orderBy(desc(policyVersions.publishedAt), desc(policyVersions.id));
}

/**
 * Publishes a version and queues one notification e-mail per user, in one transaction. A material
 * change taking effect less than 14 days ahead is refused.
 */
export async function publishPolicy(db: Db, input: PublishPolicyInput, now = new Date()): Promise<{ version: PolicyVersion; queued: number }> {
  const effectiveAt = osloMidnight(input.effectiveDate);
  const earliest = earliestMaterialDate(now);
  if (input.material && input.effectiveDate < earliest) {
    throw new AppError("bad_request", `A material change must take effect at least ${materialNoticeDays} days after publishing (earliest ${earliest})`, {
      fieldErrors: { effectiveDate: ["notice_period"] },
    });
  }
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: policyVersions.id }).from(policyVersions).where(eq(policyVersions.version, input.version)).limit(1);
    if (existing) throw new AppError("conflict", `Version ${input.version} is already published`, { fieldErrors: { version: ["taken"] } });
    const [version] = await tx
      .insert(policyVersions)
      .values({ version: input.version, material: input.material, effectiveAt, publishedAt: now, summary: { nb: input.summaryNb, en: input.summaryEn } })
      .returning();
    if (!version) throw new Error("insert returned no row");
    const payload = { version: version.version, effectiveAt: effectiveAt.toISOString(), material: version.material, summary: version.summary };
    const recipients = await tx.select({ id: users.id, email: users.email, locale: users.locale }).from(users);
    let queued = 0;
    for (let i = 0; i < recipients.length; i += 500) {
      const chunk = recipients.slice(i, i + 500);
      const inserted = await tx
        .insert(mailOutbox)
        .values(chunk.map((u) => ({ userId: u.id, toAddress: u.email, template: "policy_changed", dedupeKey: version.version, nextAttemptAt: now, payload: { ...payload, locale: u.locale } })))
        .onConflictDoNothing()
        .returning({ id: mailOutbox.id });
      queued += inserted.length;
    }
    return { version, queued };
  });
}

/**
 * The newest published version this user has not acknowledged yet; null when there is none. Someone
 * who signed up after it was published agreed to it then and is not told it "has been updated".
 */
export async function pendingPolicyNotice(db: Db, p: { userId: string }): Promise<PolicyVersion | null> {
  // One round trip on every signed-in page: the newest version, this user's sign-up time and acknowledgement.
  const [row] = await db
    .select({ version: policyVersions, acknowledgedAt: policyAcknowledgements.acknowledgedAt, userCreatedAt: users.createdAt })
    .from(policyVersions)
    .innerJoin(users, eq(users.id, p.userId))
    .leftJoin(policyAcknowledgements, and(eq(policyAcknowledgements.policyVersionId, policyVersions.id), eq(policyAcknowledgements.userId, p.userId)))
    .orderBy(desc(policyVersions.publishedAt), desc(policyVersions.id))
    .limit(1);
  if (!row || row.acknowledgedAt !== null || row.userCreatedAt >= row.version.publishedAt) return null;
  return row.version;
}

export async function acknowledgePolicy(db: Db, p: { userId: string; policyVersionId: number }): Promise<void> {
  const [version] = await db.select({ id: policyVersions.id }).from(policyVersions).where(eq(policyVersions.id, p.policyVersionId)).limit(1);
  if (!version) throw new AppError("not_found", "No such policy version");
  await db.insert(policyAcknowledgements).values({ userId: p.userId, policyVersionId: version.id }).onConflictDoNothing();
}

