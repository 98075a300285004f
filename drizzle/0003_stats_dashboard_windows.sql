CREATE TABLE "stats_windows" (
	"period" integer NOT NULL,
	"metric" text NOT NULL,
	"dim" text NOT NULL,
	"key" text NOT NULL,
	"k" integer NOT NULL,
	"last_day" date NOT NULL,
	"events" bigint NOT NULL,
	"previous_events" bigint NOT NULL,
	CONSTRAINT "stats_windows_period_metric_dim_key_pk" PRIMARY KEY("period","metric","dim","key")
);
