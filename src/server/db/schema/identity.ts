import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Tombstones of erased accounts: a keyed hash of the Clerk user id (never the id or e-mail in
 * clear) under the search-log key named by `keyId`. While one exists, sessions, webhooks and
 * retries for that account do nothing. Kept for `tombstoneRetentionDays` (longer than any session
 * or webhook retry can live), then purged by the cron.
 */
export const erasedIdentities = pgTable(
  "erased_identities",
  {
    key: text("key").primaryKey(),
    keyId: text("key_id").notNull(),
    erasedAt: timestamp("erased_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("erased_identities_erased_idx").on(t.erasedAt)],
);

/** Clerk webhook deliveries already applied, by svix id: a redelivery or replay is acknowledged and skipped. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    svixId: text("svix_id").primaryKey(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("webhook_deliveries_received_idx").on(t.receivedAt)],
);
