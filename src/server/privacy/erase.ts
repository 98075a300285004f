import "server-only";
import { and, asc, eq, inArray, isNull, lte } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { erasureJobs, profileEvents, profiles, searchLog, users } from "@/server/db/schema";
import type { Keyring } from "@/server/pseudonym";
import { pseudonymsOf } from "./pseudonyms";
import { recordErasedClerkId } from "./tombstones";
import type { RemoteDeleters } from "./remote";

type Target = (typeof erasureJobs.$inferSelect)["target"];

export type EraseResult = { erased: boolean; jobs: { id: number; target: Target; done: boolean }[] };

/**
 * Erases a user: their pseudonymous search log and profile events, their users row (every
 * user-owned table cascades from it), and queues the remote deletions (avatar file, Clerk user),
 * which run right away and stay queued with backoff if they fail. Anonymous aggregates stay.
 * Idempotent: erasing someone who is already gone changes nothing and reports erased=false.
 */
export async function eraseUser(
  db: Db,
  p: { userId: string; ring?: Keyring; deleters: RemoteDeleters; skipClerk?: boolean; now?: Date },
): Promise<EraseResult> {
  const pseudonyms = pseudonymsOf(p.userId, p.ring);
  const jobIds = await db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id, clerkId: users.clerkId }).from(users).where(eq(users.id, p.userId)).limit(1).for("update");
    // The pseudonymous rows go even if the users row is already gone: a retry finishes the job.
    await tx.delete(searchLog).where(inArray(searchLog.pseudonym, pseudonyms));
    await tx.delete(profileEvents).where(inArray(profileEvents.pseudonym, pseudonyms));
    if (!user) return null;
    const [profile] = await tx.select({ key: profiles.avatarKey, storage: profiles.avatarStorage }).from(profiles).where(eq(profiles.userId, user.id)).limit(1);
    const jobs: { target: Target; remoteId: string }[] = [];
    if (profile?.key) jobs.push({ target: profile.storage === "uploadthing" ? "uploadthing_file" : "disk_file", remoteId: profile.key });
    if (user.clerkId && !p.skipClerk) jobs.push({ target: "clerk_user", remoteId: user.clerkId });
    // A still-valid session token or a late webhook must not bring the account back.
    if (user.clerkId) await recordErasedClerkId(tx, user.clerkId, p.ring);
    const inserted = jobs.length ? await tx.insert(erasureJobs).values(jobs).returning({ id: erasureJobs.id }) : [];
    await tx.delete(users).where(eq(users.id, user.id));
    return inserted.map((j) => j.id);
  });
  if (jobIds === null) return { erased: false, jobs: [] };
  const jobs = jobIds.length ? await runJobs(db, p.deleters, await db.select().from(erasureJobs).where(inArray(erasureJobs.id, jobIds)), p.now) : [];
  return { erased: true, jobs };
}

/** Erasure for a Clerk user id (webhook `user.deleted`): the Clerk side is already gone. */
export async function eraseClerkUser(db: Db, p: { clerkId: string; ring?: Keyring; deleters: RemoteDeleters }): Promise<EraseResult> {
  // Recorded even when we never saw the account: a user.created delivered after this stays ignored.
  await recordErasedClerkId(db, p.clerkId, p.ring);
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.clerkId, p.clerkId)).limit(1);
  if (!user) return { erased: false, jobs: [] };
  return eraseUser(db, { userId: user.id, ring: p.ring, deleters: p.deleters, skipClerk: true });
}

const baseDelayMs = 60_000;
const maxDelayMs = 24 * 60 * 60_000;

/** 1 min, 2 min, 4 min … capped at a day. */
export function backoffMs(attempts: number): number {
  return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

/** Runs the remote deletions that are due (the cron route calls this); done jobs are never repeated. */
export async function processErasureJobs(db: Db, deps: { deleters: RemoteDeleters; now?: Date; limit?: number }) {
  const now = deps.now ?? new Date();
  const due = await db
    .select()
    .from(erasureJobs)
    .where(and(isNull(erasureJobs.doneAt), lte(erasureJobs.nextAttemptAt, now)))
    .orderBy(asc(erasureJobs.nextAttemptAt))
    .limit(deps.limit ?? 50);
  const results = await runJobs(db, deps.deleters, due, now);
  return { attempted: results.length, done: results.filter((r) => r.done).length };
}

async function runJobs(db: Db, deleters: RemoteDeleters, jobs: (typeof erasureJobs.$inferSelect)[], now = new Date()) {
  const results: { id: number; target: Target; done: boolean }[] = [];
  for (const job of jobs) {
    if (job.doneAt) {
      results.push({ id: job.id, target: job.target, done: true });
      continue;
    }
    const attempts = job.attempts + 1;
    try {
      if (job.target === "clerk_user") await deleters.clerkUser(job.remoteId);
      else if (job.target === "uploadthing_file") await deleters.uploadthingFile(job.remoteId);
      else await deleters.diskFile(job.remoteId);
      await db.update(erasureJobs).set({ attempts, doneAt: now, lastError: null }).where(eq(erasureJobs.id, job.id));
      results.push({ id: job.id, target: job.target, done: true });
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      await db
        .update(erasureJobs)
        .set({ attempts, lastError: message || "failed", nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)) })
        .where(eq(erasureJobs.id, job.id));
      results.push({ id: job.id, target: job.target, done: false });
    }
  }
  return results;
}
