import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { educations } from "@/server/db/schema";
import type { EducationInput } from "./schemas";

export async function createEducation(db: Db, p: { userId: string; input: EducationInput }) {
  const [row] = await db.insert(educations).values({ userId: p.userId, ...p.input }).returning({ id: educations.id });
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** Null when the entry is not this user's. */
export async function updateEducation(db: Db, p: { userId: string; id: string; input: EducationInput }) {
  const [row] = await db
    .update(educations)
    .set(p.input)
    .where(and(eq(educations.id, p.id), eq(educations.userId, p.userId)))
    .returning({ id: educations.id });
  return row ?? null;
}

/** Null when the entry is not this user's. */
export async function deleteEducation(db: Db, p: { userId: string; id: string }) {
  const [row] = await db
    .delete(educations)
    .where(and(eq(educations.id, p.id), eq(educations.userId, p.userId)))
    .returning({ id: educations.id });
  return row ?? null;
}
