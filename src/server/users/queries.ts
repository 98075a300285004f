import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { loginEvents, profiles, users, type User } from "@/server/db/schema";

export async function findUserById(db: Db, id: string): Promise<User | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}

export async function findUserByEmail(db: Db, email: string): Promise<User | null> {
  const [row] = await db.select().from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase())).limit(1);
  return row ?? null;
}

/** Local sign-in: the user with this e-mail, created on first sign-in with an empty profile. */
export async function findOrCreateLocalUser(db: Db, p: { email: string; displayName: string }): Promise<User> {
  const existing = await findUserByEmail(db, p.email);
  if (existing) return existing;
  return db.transaction(async (tx) => {
    const [created] = await tx.insert(users).values({ email: p.email, displayName: p.displayName }).returning();
    if (!created) throw new Error("insert returned no row");
    await tx.insert(profiles).values({ userId: created.id, email: p.email, fullName: p.displayName });
    return created;
  });
}

/**
 * Clerk mode: our row for a Clerk user, created or refreshed from what Clerk told us. With
 * `clerkUpdatedAt` (a webhook's time of change) an existing row is updated only by a newer change;
 * an older one returns null and changes nothing.
 */
export async function upsertClerkUser(
  db: Db,
  p: { clerkId: string; email: string; displayName: string; role?: "user" | "admin"; clerkUpdatedAt?: Date },
): Promise<User | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({ clerkId: p.clerkId, email: p.email, displayName: p.displayName, role: p.role ?? "user", clerkUpdatedAt: p.clerkUpdatedAt })
      .onConflictDoUpdate({
        target: users.clerkId,
        set: { email: p.email, displayName: p.displayName, ...(p.role ? { role: p.role } : {}), clerkUpdatedAt: p.clerkUpdatedAt, updatedAt: new Date() },
        setWhere: p.clerkUpdatedAt
          ? sql`${users.clerkUpdatedAt} is null or ${users.clerkUpdatedAt} <= ${p.clerkUpdatedAt.toISOString()}::timestamptz`
          : sql`false`,
      })
      .returning();
    if (!row) return null;
    await tx.insert(profiles).values({ userId: row.id, email: p.email, fullName: p.displayName }).onConflictDoNothing();
    return row;
  });
}

export async function findUserByClerkId(db: Db, clerkId: string): Promise<User | null> {
  const [row] = await db.select().from(users).where(eq(users.clerkId, clerkId)).limit(1);
  return row ?? null;
}

export async function recordLogin(db: Db, p: { userId: string; method: "local" | "clerk" }): Promise<void> {
  await db.insert(loginEvents).values({ userId: p.userId, method: p.method });
}
