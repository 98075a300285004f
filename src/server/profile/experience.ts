import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { experiences, experienceSkills, userSkills } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { assertConcept } from "./concepts";
import type { ExperienceInput } from "./schemas";

/** Checks the linked role and that every skill used is one of the user's own skills. */
async function checkLinks(db: Db, userId: string, input: ExperienceInput) {
  if (input.roleConceptId) await assertConcept(db, { conceptId: input.roleConceptId, kind: "role", field: "roleConceptId" });
  if (input.userSkillIds.length === 0) return;
  const own = await db
    .select({ id: userSkills.id })
    .from(userSkills)
    .where(and(eq(userSkills.userId, userId), inArray(userSkills.id, input.userSkillIds)));
  if (own.length !== input.userSkillIds.length) {
    throw new AppError("bad_request", "unknown_user_skill", { fieldErrors: { userSkillIds: ["unknown_user_skill"] } });
  }
}

function fields(input: ExperienceInput) {
  const { userSkillIds: _skills, ...rest } = input;
  return rest;
}

export async function createExperience(db: Db, p: { userId: string; input: ExperienceInput }) {
  await checkLinks(db, p.userId, p.input);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(experiences).values({ userId: p.userId, ...fields(p.input) }).returning({ id: experiences.id });
    if (!row) throw new Error("insert returned no row");
    if (p.input.userSkillIds.length > 0) {
      await tx.insert(experienceSkills).values(p.input.userSkillIds.map((userSkillId) => ({ experienceId: row.id, userSkillId })));
    }
    return row;
  });
}

/** Replaces the entry and its skills; null when it is not this user's. */
export async function updateExperience(db: Db, p: { userId: string; id: string; input: ExperienceInput }) {
  await checkLinks(db, p.userId, p.input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(experiences)
      .set(fields(p.input))
      .where(and(eq(experiences.id, p.id), eq(experiences.userId, p.userId)))
      .returning({ id: experiences.id });
    if (!row) return null;
    await tx.delete(experienceSkills).where(eq(experienceSkills.experienceId, row.id));
    if (p.input.userSkillIds.length > 0) {
      await tx.insert(experienceSkills).values(p.input.userSkillIds.map((userSkillId) => ({ experienceId: row.id, userSkillId })));
    }
    return row;
  });
}

/** Null when the entry is not this user's. */
export async function deleteExperience(db: Db, p: { userId: string; id: string }) {
  const [row] = await db
    .delete(experiences)
    .where(and(eq(experiences.id, p.id), eq(experiences.userId, p.userId)))
    .returning({ id: experiences.id });
  return row ?? null;
}
