import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { concepts } from "@/server/db/schema";
import { AppError } from "@/server/errors";

/**
 * Throws a field error unless `conceptId` is a taxonomy concept of `kind` (a role id used as a
 * skill is as wrong as an id that does not exist).
 */
export async function assertConcept(db: Db, p: { conceptId: string; kind: "skill" | "role"; field: string }): Promise<void> {
  const [row] = await db
    .select({ id: concepts.id })
    .from(concepts)
    .where(and(eq(concepts.id, p.conceptId), eq(concepts.kind, p.kind)))
    .limit(1);
  if (!row) {
    const code = p.kind === "skill" ? "unknown_skill_concept" : "unknown_role_concept";
    throw new AppError("bad_request", code, { fieldErrors: { [p.field]: [code] } });
  }
}

/** Postgres unique violation (both drivers put the SQLSTATE on the error or its cause). */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    if (typeof e === "object" && "code" in e && (e as { code: unknown }).code === "23505") return true;
    e = typeof e === "object" && "cause" in e ? (e as { cause: unknown }).cause : undefined;
  }
  return false;
}
