import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { userRoles } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { assertConcept, isUniqueViolation } from "./concepts";
import { recordProfileEvent, type Actor } from "./events";
import type { AddRoleInput } from "./schemas";

const duplicate = () => new AppError("conflict", "duplicate_role", { fieldErrors: { role: ["duplicate_role"] } });

/** Adds a current or target role from the occupation list (checked to be a role) or a custom one. */
export async function addRole(db: Db, p: { actor: Actor; input: AddRoleInput }) {
  const { kind, conceptId, customLabel } = p.input;
  if (conceptId) await assertConcept(db, { conceptId, kind: "role", field: "conceptId" });
  const existing = await db
    .select({ id: userRoles.id })
    .from(userRoles)
    .where(
      and(
        eq(userRoles.userId, p.actor.id),
        eq(userRoles.kind, kind),
        conceptId ? eq(userRoles.conceptId, conceptId) : sql`lower(${userRoles.customLabel}) = lower(${customLabel})`,
      ),
    )
    .limit(1);
  if (existing.length > 0) throw duplicate();
  try {
    // The row and its statistics event are written together or not at all.
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(userRoles)
        .values({ userId: p.actor.id, kind, conceptId, customLabel })
        .returning({ id: userRoles.id, kind: userRoles.kind, conceptId: userRoles.conceptId, customLabel: userRoles.customLabel });
      if (!row) throw new Error("insert returned no row");
      if (conceptId) await recordProfileEvent(tx as unknown as Db, p.actor, { kind: "role_added", conceptId });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
}

/** Removes a role; null when it is not this user's. */
export async function removeRole(db: Db, p: { userId: string; id: string }) {
  const [row] = await db
    .delete(userRoles)
    .where(and(eq(userRoles.id, p.id), eq(userRoles.userId, p.userId)))
    .returning({ id: userRoles.id });
  return row ?? null;
}
