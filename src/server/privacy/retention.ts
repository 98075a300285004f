import "server-only";
import { and, isNotNull, lt, inArray, sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { queryRows } from "@/server/db/rows";
import { erasureJobs, loginEvents, mailOutbox, webhookDeliveries } from "@/server/db/schema";
import { purgeTombstones, tombstoneRetentionDays } from "./tombstones";

/**
 * How long each raw activity and housekeeping table keeps a row (the privacy policy lists the same
 * periods). Search log, profile events and page views follow SEARCH_LOG_RETENTION_DAYS and are
 * purged with the statistics rollup (src/server/stats/rollup.ts), only once rolled up.
 */
export const retentionDays = {
  loginEvents: 180,
  finishedErasureJobs: 30,
  finishedMail: 90,
  tombstones: tombstoneRetentionDays,
  webhookDeliveries: 7,
} as const;

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

/** Deletes what is past its retention; the daily privacy cron runs this. Returns rows deleted per table. */
export async function purgeExpiredRecords(db: Db, now = new Date()): Promise<Record<string, number>> {
  const count = (rows: unknown[]) => rows.length;
  // Logins feed the daily rollup: never purge a day the rollup has not counted yet.
  const [mark] = await queryRows<{ day: string | null }>(db, sql`select last_day::text as day from stats_watermark where name = 'daily'`);
  const rolledUntil = mark?.day ? new Date(`${mark.day}T00:00:00Z`) : new Date(0);
  const loginCutoff = new Date(Math.min(daysBefore(now, retentionDays.loginEvents).getTime(), rolledUntil.getTime() + 86_400_000));
  return {
    loginEvents: count(await db.delete(loginEvents).where(lt(loginEvents.occurredAt, loginCutoff)).returning({ id: loginEvents.id })),
    erasureJobs: count(
      await db
        .delete(erasureJobs)
        .where(and(isNotNull(erasureJobs.doneAt), lt(erasureJobs.doneAt, daysBefore(now, retentionDays.finishedErasureJobs))))
        .returning({ id: erasureJobs.id }),
    ),
    mailOutbox: count(
      await db
        .delete(mailOutbox)
        .where(and(inArray(mailOutbox.status, ["sent", "dead"]), lt(mailOutbox.createdAt, daysBefore(now, retentionDays.finishedMail))))
        .returning({ id: mailOutbox.id }),
    ),
    tombstones: await purgeTombstones(db, now),
    webhookDeliveries: count(
      await db.delete(webhookDeliveries).where(lt(webhookDeliveries.receivedAt, daysBefore(now, retentionDays.webhookDeliveries))).returning({ id: webhookDeliveries.svixId }),
    ),
  };
}
