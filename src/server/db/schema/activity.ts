import { bigint, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { concepts } from "./taxonomy";
import { users } from "./users";

export const loginEvents = pgTable(
  "login_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    method: text("method", { enum: ["local", "clerk"] }).notNull(),
  },
  (t) => [index("login_events_user_idx").on(t.userId), index("login_events_occurred_idx").on(t.occurredAt)],
);

/** Page views counted per user, day and route (a route pattern, never a URL with ids or queries). */
export const pageViewCounters = pgTable(
  "page_view_counters",
  {
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    day: date("day").notNull(),
    route: text("route").notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.userId, t.day, t.route] }), index("page_view_counters_day_idx").on(t.day)],
);

export const profileEventKindValues = ["skill_added", "role_added"] as const;

/** Pseudonymous profile events for statistics: which concept, when, by which pseudonym. No free text. */
export const profileEvents = pgTable(
  "profile_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    kind: text("kind", { enum: profileEventKindValues }).notNull(),
    conceptId: uuid("concept_id").references(() => concepts.id, { onDelete: "set null" }),
    pseudonym: text("pseudonym").notNull(),
    keyId: text("key_id").notNull(),
  },
  (t) => [
    index("profile_events_occurred_idx").on(t.occurredAt),
    index("profile_events_pseudonym_idx").on(t.pseudonym),
    index("profile_events_key_id_idx").on(t.keyId),
  ],
);
