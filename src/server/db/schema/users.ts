import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const userRoleValues = ["user", "admin"] as const;
export const localeValues = ["nb", "en"] as const;

/** One row per person. `clerkId` is set in Clerk mode; local mode identifies by e-mail. */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clerkId: text("clerk_id").unique(),
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    role: text("role", { enum: userRoleValues }).notNull().default("user"),
    locale: text("locale", { enum: localeValues }).notNull().default("nb"),
    /** Set while the user has restricted processing (GDPR art. 18). */
    restrictedAt: timestamp("restricted_at", { withTimezone: true }),
    /** Set while the user objects to statistics and service improvement (GDPR art. 21). */
    objectedAt: timestamp("objected_at", { withTimezone: true }),
    /** When Clerk last changed this user (the newest webhook applied): older events are ignored. */
    clerkUpdatedAt: timestamp("clerk_updated_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("users_email_lower_idx").on(sql`lower(${t.email})`)],
);

export type User = typeof users.$inferSelect;
