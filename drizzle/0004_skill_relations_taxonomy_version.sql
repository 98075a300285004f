CREATE TABLE "skill_relations" (
	"skill_id" uuid NOT NULL,
	"related_skill_id" uuid NOT NULL,
	"relation" text NOT NULL,
	CONSTRAINT "skill_relations_skill_id_related_skill_id_pk" PRIMARY KEY("skill_id","related_skill_id")
);
--> statement-breakpoint
CREATE TABLE "taxonomy_version" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "skill_relations" ADD CONSTRAINT "skill_relations_skill_id_concepts_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."concepts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_relations" ADD CONSTRAINT "skill_relations_related_skill_id_concepts_id_fk" FOREIGN KEY ("related_skill_id") REFERENCES "public"."concepts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "skill_relations_related_idx" ON "skill_relations" USING btree ("related_skill_id");