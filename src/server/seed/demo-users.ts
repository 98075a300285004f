import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { users } from "@/server/db/schema";
import { findOrCreateLocalUser } from "@/server/users/queries";

export const demoUsers = [
  { email: "kari@evne.local", displayName: "Kari Nordmann", role: "user" },
  { email: "ola@evne.local", displayName: "Ola Hansen", role: "user" },
  { email: "admin@evne.local", displayName: "Admin Evne", role: "admin" },
] as const;

/** Creates the demo users (one admin) if they are missing. */
export async function seedDemoUsers(db: Db): Promise<Record<(typeof demoUsers)[number]["email"], string>> {
  const ids = {} as Record<(typeof demoUsers)[number]["email"], string>;
  for (const demo of demoUsers) {
    const user = await findOrCreateLocalUser(db, demo);
    if (user.role !== demo.role) await db.update(users).set({ role: demo.role }).where(eq(users.id, user.id));
    ids[demo.email] = user.id;
  }
  return ids;
}
