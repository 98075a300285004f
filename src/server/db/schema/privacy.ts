import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { concepts } from "./taxonomy";
import { users } from "./users";

export const consentPurposeValues = ["marketing_email", "newsletter", "analytics"] as const;

/** Append-only: every grant and every withdrawal is its own row. */
export const consentEvents = pgTable(
  "consent_events",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: consentPurposeValues }).notNull(),
    granted: boolean("granted").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    policyVersion: text("policy_version").notNull(),
    /** Where the choice was made, e.g. "cookie_banner" or "settings". */
    source: text("source").notNull(),
  },
  (t) => [index("consent_events_user_idx").on(t.userId)],
);

export const policyVersions = pgTable("policy_versions", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  version: text("version").notNull().unique(),
  material: boolean("material").notNull(),
  publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
  effectiveAt: timestamp("effective_at", { withTimezone: true }).notNull(),
  summary: jsonb("summary").$type<{ nb: string; en: string }>().notNull(),
});

export const policyAcknowledgements = pgTable(
  "policy_acknowledgements",
  {
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    policyVersionId: integer("policy_version_id").notNull().references(() => policyVersions.id, { onDelete: "cascade" }),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.policyVersionId] })],
);

export const mailStatusValues = ["pending", "sent", "dead"] as const;

/**
 * E-mails waiting for the mail provider; one row per message. `dedupeKey` (e.g. the policy
 * version) makes a second queueing of the same message for the same person a no-op. A row is
 * `sent` only once the provider accepted it; after `maxMailAttempts` failures it is `dead`.
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    toAddress: text("to_address").notNull(),
    template: text("template").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    dedupeKey: text("dedupe_key"),
    status: text("status", { enum: mailStatusValues }).notNull().default("pending"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
  },
  (t) => [
    index("mail_outbox_due_idx").on(t.status, t.nextAttemptAt),
    uniqueIndex("mail_outbox_dedupe_idx").on(t.userId, t.template, t.dedupeKey),
  ],
);

/**
 * Remote deletions (Clerk user, avatar file) that must happen after an erasure. Durable so a
 * failed call is retried, not forgotten. Holds only the remote identifiers, never personal data.
 */
export const erasureJobs = pgTable("erasure_jobs", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  target: text("target", { enum: ["clerk_user", "uploadthing_file", "disk_file"] }).notNull(),
  remoteId: text("remote_id").notNull(),
  attempts: integer("attempts").notNull().default(0),
  lastError: text("last_error"),
  nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
  doneAt: timestamp("done_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const dismissedSuggestions = pgTable(
  "dismissed_suggestions",
  {
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    conceptId: uuid("concept_id").notNull().references(() => concepts.id, { onDelete: "cascade" }),
    dismissedAt: timestamp("dismissed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.conceptId] })],
);
