import "server-only";
import { and, asc, eq, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { mailOutbox } from "@/server/db/schema";
import { renderMail } from "./templates";
import type { MailProvider } from "./types";

const maxAttempts = 5;

/**
 * Sends unsent outbox rows through `provider`, oldest first. A failure is written on the row
 * (attempts, lastError) and retried on the next run, up to `maxAttempts`.
 */
export async function processOutbox(db: Db, provider: MailProvider, opts: { limit?: number } = {}): Promise<{ sent: number; failed: number }> {
  const rows = await db
    .select()
    .from(mailOutbox)
    .where(and(isNull(mailOutbox.sentAt), lt(mailOutbox.attempts, maxAttempts)))
    .orderBy(asc(mailOutbox.id))
    .limit(opts.limit ?? 100);
  let sent = 0;
  let failed = 0;
  for (const row of rows) {
    try {
      await provider.send(renderMail(row));
      await db.update(mailOutbox).set({ sentAt: new Date(), attempts: sql`${mailOutbox.attempts} + 1`, lastError: null }).where(eq(mailOutbox.id, row.id));
      sent++;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await db.update(mailOutbox).set({ attempts: sql`${mailOutbox.attempts} + 1`, lastError: message.slice(0, 500) }).where(eq(mailOutbox.id, row.id));
      failed++;
    }
  }
  return { sent, failed };
}
