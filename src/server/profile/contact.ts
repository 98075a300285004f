import "server-only";
import type { Db } from "@/server/db/client";
import { profiles } from "@/server/db/schema";
import type { ContactInput } from "./schemas";

/** Saves the contact section; the profile row is created if the user has none yet. */
export async function updateContact(db: Db, p: { userId: string; input: ContactInput }) {
  const values = { ...p.input, updatedAt: new Date() };
  const [row] = await db
    .insert(profiles)
    .values({ userId: p.userId, ...values })
    .onConflictDoUpdate({ target: profiles.userId, set: values })
    .returning({ userId: profiles.userId });
  return row ?? null;
}
