CREATE TABLE "stats_daily" (
	"day" date NOT NULL,
	"metric" text NOT NULL,
	"dim" text DEFAULT '' NOT NULL,
	"key" text NOT NULL,
	"events" bigint NOT NULL,
	"people" integer NOT NULL,
	CONSTRAINT "stats_daily_metric_dim_key_day_pk" PRIMARY KEY("metric","dim","key","day")
);
--> statement-breakpoint
CREATE TABLE "stats_watermark" (
	"name" text PRIMARY KEY NOT NULL,
	"last_day" date NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "stats_daily_metric_day_idx" ON "stats_daily" USING btree ("metric","day");