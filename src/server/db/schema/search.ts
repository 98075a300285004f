import { bigint, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { conceptKindValues, concepts } from "./taxonomy";

/**
 * Pseudonymous search log. Deliberately has no user id, IP or session column: the pseudonym is
 * HMAC-SHA-256(user id) under the key named by `keyId`, which alone identifies no one.
 */
export const searchLog = pgTable(
  "search_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    query: text("query").notNull(),
    searchType: text("search_type", { enum: conceptKindValues }).notNull(),
    /** The concept the query resolved to (top hit), if any: feeds per-skill statistics. */
    resolvedConceptId: uuid("resolved_concept_id").references(() => concepts.id, { onDelete: "set null" }),
    pseudonym: text("pseudonym").notNull(),
    keyId: text("key_id").notNull(),
  },
  (t) => [
    index("search_log_occurred_idx").on(t.occurredAt),
    index("search_log_pseudonym_idx").on(t.pseudonym),
    // Lets the start-up keyring check find the key ids in use without reading the table.
    index("search_log_key_id_idx").on(t.keyId),
  ],
);
