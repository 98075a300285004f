import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { userSkills } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { assertConcept, isUniqueViolation } from "./concepts";
import { recordProfileEvent, type Actor } from "./events";
import type { AddSkillInput } from "./schemas";

const duplicate = () => new AppError("conflict", "duplicate_skill", { fieldErrors: { skill: ["duplicate_skill"] } });

/** Adds a taxonomy skill (checked to be a skill) or a custom one, kept as typed and never given a concept id. */
export async function addSkill(db: Db, p: { actor: Actor; input: AddSkillInput }) {
  const { conceptId, customLabel, level } = p.input;
  if (conceptId) await assertConcept(db, { conceptId, kind: "skill", field: "conceptId" });
  const existing = await db
    .select({ id: userSkills.id })
    .from(userSkills)
    .where(
      and(
        eq(userSkills.userId, p.actor.id),
        conceptId ? eq(userSkills.conceptId, conceptId) : sql`lower(${userSkills.customLabel}) = lower(${customLabel})`,
      ),
    )
    .limit(1);
  if (existing.length > 0) throw duplicate();
  try {
    // The row and its statistics event are written together or not at all.
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(userSkills)
        .values({ userId: p.actor.id, conceptId, customLabel, level })
        .returning({ id: userSkills.id, conceptId: userSkills.conceptId, customLabel: userSkills.customLabel, level: userSkills.level });
      if (!row) throw new Error("insert returned no row");
      if (conceptId) await recordProfileEvent(tx as unknown as Db, p.actor, { kind: "skill_added", conceptId });
      return row;
    });
  } catch (error) {
    // Two tabs adding the same skill at once: the unique index decides.
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
}

/** Changes the level (or clears it); null when the skill is not this user's. */
export async function updateSkillLevel(db: Db, p: { userId: string; id: string; level: number | null }) {
  const [row] = await db
    .update(userSkills)
    .set({ level: p.level })
    .where(and(eq(userSkills.id, p.id), eq(userSkills.userId, p.userId)))
    .returning({ id: userSkills.id, level: userSkills.level });
  return row ?? null;
}

/** Removes a skill (and its links to experiences); null when it is not this user's. */
export async function removeSkill(db: Db, p: { userId: string; id: string }) {
  const [row] = await db
    .delete(userSkills)
    .where(and(eq(userSkills.id, p.id), eq(userSkills.userId, p.userId)))
    .returning({ id: userSkills.id });
  return row ?? null;
}
