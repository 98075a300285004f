import "server-only";
import { and, asc, eq, lte, sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { mailOutbox } from "@/server/db/schema";
import { renderMail } from "./templates";
import type { MailProvider } from "./types";

/** After this many failed attempts a row is `dead`: kept for an operator, never sent again. */
export const maxMailAttempts = 5;
/** While a runner is sending a row, no other runner picks it up. */
const leaseMs = 10 * 60_000;
const baseDelayMs = 5 * 60_000;

/** 5 min, 10 min, 20 min, 40 min between attempts. */
export function mailBackoffMs(attempts: number): number {
  return baseDelayMs * 2 ** Math.max(0, attempts - 1);
}

export type OutboxRun = { sent: number; failed: number; dead: number };

/**
 * Sends due outbox rows through `provider`, oldest first. Each row is claimed first (attempts + 1,
 * next attempt pushed past a lease), so two runners never send the same row. A row is marked
 * `sent` only after the provider accepted it; a failure is written on the row and retried with
 * back-off, and the last allowed failure marks it `dead`.
 */
export async function processOutbox(db: Db, provider: MailProvider, opts: { limit?: number; now?: Date } = {}): Promise<OutboxRun> {
  const now = opts.now ?? new Date();
  const due = await db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.status, "pending"), lte(mailOutbox.nextAttemptAt, now)))
    .orderBy(asc(mailOutbox.id))
    .limit(opts.limit ?? 100);
  const run: OutboxRun = { sent: 0, failed: 0, dead: 0 };
  for (const { id } of due) {
    const [row] = await db
      .update(mailOutbox)
      .set({ attempts: sql`${mailOutbox.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + leaseMs) })
      .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, "pending"), lte(mailOutbox.nextAttemptAt, now)))
      .returning();
    if (!row) continue; // another runner has it
    try {
      await provider.send(renderMail(row));
      await db.update(mailOutbox).set({ status: "sent", sentAt: new Date(), lastError: null }).where(eq(mailOutbox.id, id));
      run.sent++;
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 500) || "failed";
      const dead = row.attempts >= maxMailAttempts;
      await db
        .update(mailOutbox)
        .set({ status: dead ? "dead" : "pending", lastError: message, nextAttemptAt: new Date(now.getTime() + mailBackoffMs(row.attempts)) })
        .where(eq(mailOutbox.id, id));
      if (dead) run.dead++;
      else run.failed++;
    }
  }
  return run;
}
