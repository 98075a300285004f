CREATE TABLE "erased_identities" (
	"key" text PRIMARY KEY NOT NULL,
	"key_id" text NOT NULL,
	"erased_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"svix_id" text PRIMARY KEY NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "mail_outbox_unsent_idx";--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "dedupe_key" text;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "status" text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "clerk_updated_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "erased_identities_erased_idx" ON "erased_identities" USING btree ("erased_at");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_received_idx" ON "webhook_deliveries" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "profile_events_key_id_idx" ON "profile_events" USING btree ("key_id");--> statement-breakpoint
CREATE INDEX "mail_outbox_due_idx" ON "mail_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE UNIQUE INDEX "mail_outbox_dedupe_idx" ON "mail_outbox" USING btree ("user_id","template","dedupe_key");--> statement-breakpoint
CREATE INDEX "search_log_key_id_idx" ON "search_log" USING btree ("key_id");--> statement-breakpoint
-- custom:
-- Issue 14: statistics never store a cell below k (the default STATS_K, 10; the rollup cron removes
-- cells below a higher configured k on its next run). This includes free-text query cells.
DELETE FROM "stats_daily" WHERE "people" < 10;--> statement-breakpoint
DELETE FROM "stats_windows" WHERE "k" < 10;--> statement-breakpoint
-- Outbox rows keep their meaning under the new status column; policy notices get their dedupe key.
UPDATE "mail_outbox" SET "status" = 'sent' WHERE "sent_at" IS NOT NULL;--> statement-breakpoint
UPDATE "mail_outbox" SET "status" = 'dead' WHERE "sent_at" IS NULL AND "attempts" >= 5;--> statement-breakpoint
UPDATE "mail_outbox" SET "dedupe_key" = "payload"->>'version' WHERE "template" = 'policy_changed';
