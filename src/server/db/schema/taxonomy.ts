import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid, vector } from "drizzle-orm/pg-core";

export const conceptKindValues = ["skill", "role"] as const;
export type ConceptKind = (typeof conceptKindValues)[number];
export const labelKindValues = ["preferred", "alt", "hidden"] as const;

/** A skill or an occupation (role), from the starter taxonomy or an ESCO import. */
export const concepts = pgTable(
  "concepts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Stable concept id: an ESCO URI, or `evne:skill/<slug>` for the starter taxonomy. */
    uri: text("uri").notNull().unique(),
    kind: text("kind", { enum: conceptKindValues }).notNull(),
    /** ESCO skillType for skills (e.g. "skill/competence", "knowledge"). */
    skillType: text("skill_type"),
    /** ISCO-08 code for occupations. */
    iscoCode: text("isco_code"),
    source: text("source", { enum: ["starter", "esco"] }).notNull(),
    /** Descriptions per language, e.g. { en: "...", nb: "..." }. */
    descriptions: jsonb("descriptions").$type<Partial<Record<string, string>>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("concepts_kind_idx").on(t.kind)],
);

/** Every label of a concept in every language: preferred, alternative (synonyms) and hidden. */
export const conceptLabels = pgTable(
  "concept_labels",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    conceptId: uuid("concept_id").notNull().references(() => concepts.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: conceptKindValues }).notNull(),
    lang: text("lang").notNull(),
    labelKind: text("label_kind", { enum: labelKindValues }).notNull(),
    label: text("label").notNull(),
    /** Lower-cased, whitespace-folded label used for matching. */
    normalized: text("normalized").notNull(),
  },
  (t) => [
    index("concept_labels_concept_idx").on(t.conceptId),
    index("concept_labels_prefix_idx").on(t.kind, t.normalized.op("text_pattern_ops")),
    index("concept_labels_trgm_idx").using("gin", t.normalized.op("gin_trgm_ops")),
  ],
);

/** Essential and optional skills of a role. */
export const roleSkills = pgTable(
  "role_skills",
  {
    roleId: uuid("role_id").notNull().references(() => concepts.id, { onDelete: "cascade" }),
    skillId: uuid("skill_id").notNull().references(() => concepts.id, { onDelete: "cascade" }),
    relation: text("relation", { enum: ["essential", "optional"] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.roleId, t.skillId] }), index("role_skills_skill_idx").on(t.skillId)],
);

export const EMBEDDING_DIMENSIONS = 256;

/** One vector per concept and model; the model name is stored so a model change can be migrated. */
export const conceptEmbeddings = pgTable(
  "concept_embeddings",
  {
    conceptId: uuid("concept_id").notNull().references(() => concepts.id, { onDelete: "cascade" }),
    model: text("model").notNull(),
    /** Hash of the text that was embedded; an unchanged hash means no new API call. */
    contentHash: text("content_hash").notNull(),
    embedding: vector("embedding", { dimensions: EMBEDDING_DIMENSIONS }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.conceptId, t.model] }),
    index("concept_embeddings_hnsw_idx").using("hnsw", t.embedding.op("vector_cosine_ops")),
  ],
);

/** ESCO skill-to-skill relations (skillSkillRelations.csv): a skill and a skill related to it. */
export const skillRelations = pgTable(
  "skill_relations",
  {
    skillId: uuid("skill_id").notNull().references(() => concepts.id, { onDelete: "cascade" }),
    relatedSkillId: uuid("related_skill_id").notNull().references(() => concepts.id, { onDelete: "cascade" }),
    relation: text("relation", { enum: ["essential", "optional"] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.skillId, t.relatedSkillId] }), index("skill_relations_related_idx").on(t.relatedSkillId)],
);

/**
 * One row: a counter bumped by every taxonomy write (import, embed, seed). Server processes compare
 * it with the version their in-memory taxonomy index was built from and rebuild when it moved.
 */
export const taxonomyVersion = pgTable("taxonomy_version", {
  id: integer("id").primaryKey().default(1),
  version: integer("version").notNull().default(0),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
