import { sql } from "drizzle-orm";
import { check, date, index, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { concepts } from "./taxonomy";
import { localeValues, users } from "./users";

/** Contact details and avatar; one row per user. */
export const profiles = pgTable("profiles", {
  userId: uuid("user_id").primaryKey().references(() => users.id, { onDelete: "cascade" }),
  fullName: text("full_name"),
  email: text("email"),
  addressLine: text("address_line"),
  postalCode: text("postal_code"),
  city: text("city"),
  country: text("country"),
  phone: text("phone"),
  preferredLanguage: text("preferred_language", { enum: localeValues }),
  avatarKey: text("avatar_key"),
  avatarUrl: text("avatar_url"),
  avatarStorage: text("avatar_storage", { enum: ["disk", "uploadthing"] }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A skill on a profile: either a taxonomy concept or a custom label, never both. */
export const userSkills = pgTable(
  "user_skills",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    conceptId: uuid("concept_id").references(() => concepts.id, { onDelete: "restrict" }),
    customLabel: text("custom_label"),
    level: smallint("level"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("user_skills_user_idx").on(t.userId),
    uniqueIndex("user_skills_user_concept_uq").on(t.userId, t.conceptId),
    uniqueIndex("user_skills_user_custom_uq").on(t.userId, sql`lower(${t.customLabel})`),
    check("user_skills_concept_xor_custom", sql`(${t.conceptId} is null) <> (${t.customLabel} is null)`),
    check("user_skills_level_range", sql`${t.level} is null or ${t.level} between 1 and 5`),
  ],
);

export const userRoleKindValues = ["current", "target"] as const;

/** A current role or a target role (goal), from the occupation list or custom. */
export const userRoles = pgTable(
  "user_roles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: userRoleKindValues }).notNull(),
    conceptId: uuid("concept_id").references(() => concepts.id, { onDelete: "restrict" }),
    customLabel: text("custom_label"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("user_roles_user_idx").on(t.userId),
    uniqueIndex("user_roles_user_kind_concept_uq").on(t.userId, t.kind, t.conceptId),
    uniqueIndex("user_roles_user_kind_custom_uq").on(t.userId, t.kind, sql`lower(${t.customLabel})`),
    check("user_roles_concept_xor_custom", sql`(${t.conceptId} is null) <> (${t.customLabel} is null)`),
  ],
);

export const experiences = pgTable(
  "experiences",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    organisation: text("organisation").notNull(),
    startDate: date("start_date").notNull(),
    /** Null while the position is ongoing. */
    endDate: date("end_date"),
    description: text("description"),
    roleConceptId: uuid("role_concept_id").references(() => concepts.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("experiences_user_idx").on(t.userId),
    check("experiences_dates_ordered", sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
);

/** Skills used in an experience: links to the user's own skills. */
export const experienceSkills = pgTable(
  "experience_skills",
  {
    experienceId: uuid("experience_id").notNull().references(() => experiences.id, { onDelete: "cascade" }),
    userSkillId: uuid("user_skill_id").notNull().references(() => userSkills.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.experienceId, t.userSkillId] })],
);

export const educations = pgTable(
  "educations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    institution: text("institution").notNull(),
    qualification: text("qualification").notNull(),
    level: text("level"),
    field: text("field"),
    startDate: date("start_date").notNull(),
    endDate: date("end_date"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("educations_user_idx").on(t.userId),
    check("educations_dates_ordered", sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
);
