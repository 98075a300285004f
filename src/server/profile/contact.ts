import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { profiles, users } from "@/server/db/schema";
import type { ContactInput } from "./schemas";

/**
 * Saves the contact section; the profile row is created if the user has none yet. A new name also
 * becomes the account's display name, so the header greets the person by the name they just gave.
 */
export async function updateContact(db: Db, p: { userId: string; input: ContactInput }) {
  const values = { ...p.input, updatedAt: new Date() };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(profiles)
      .values({ userId: p.userId, ...values })
      .onConflictDoUpdate({ target: profiles.userId, set: values })
      .returning({ userId: profiles.userId });
    if (row && p.input.fullName) await tx.update(users).set({ displayName: p.input.fullName, updatedAt: new Date() }).where(eq(users.id, p.userId));
    return row ?? null;
  });
}
