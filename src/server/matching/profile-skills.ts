// The user's own skills and target roles as matching reads them, and the one-click "I have this" write.
import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { queryRows } from "@/server/db/rows";
import { AppError } from "@/server/errors";
import { recordProfileEvent, type Actor } from "@/server/profile/events";
import type { UserSkillInput } from "./types";

export async function loadUserSkills(db: Db, p: { userId: string }): Promise<UserSkillInput[]> {
  const rows = await queryRows<{ concept_id: string | null; custom_label: string | null; level: number | null }>(
    db,
    sql`select concept_id, custom_label, level from user_skills where user_id = ${p.userId} order by created_at, id`,
  );
  return rows.flatMap((r): UserSkillInput[] => {
    if (r.concept_id) return [{ conceptId: r.concept_id, level: r.level }];
    if (r.custom_label) return [{ customLabel: r.custom_label, level: r.level }];
    return [];
  });
}

export async function loadTargetRoleIds(db: Db, p: { userId: string }): Promise<string[]> {
  const rows = await queryRows<{ concept_id: string }>(
    db,
    sql`select concept_id from user_roles where user_id = ${p.userId} and kind = 'target' and concept_id is not null order by created_at, id`,
  );
  return rows.map((r) => r.concept_id);
}

/**
 * "I have this now": adds a taxonomy skill to the user's profile. Idempotent: a skill already on the
 * profile is left as it is. Only existing skill concepts are accepted.
 */
export async function addSkillToProfile(
  db: Db,
  p: { userId: string; conceptId: string; actor?: Actor },
): Promise<{ added: boolean }> {
  const concept = await queryRows<{ kind: string }>(db, sql`select kind from concepts where id = ${p.conceptId}`);
  if (concept[0]?.kind !== "skill") throw new AppError("not_found", "No such skill");
  const inserted = await queryRows<{ id: string }>(
    db,
    sql`insert into user_skills (user_id, concept_id) values (${p.userId}, ${p.conceptId})
        on conflict (user_id, concept_id) do nothing returning id`,
  );
  // The same event the profile page records, so statistics see skills added from here too.
  if (inserted.length > 0 && p.actor) await recordProfileEvent(db, p.actor, { kind: "skill_added", conceptId: p.conceptId });
  return { added: inserted.length > 0 };
}

/** "Not for me": this skill is not suggested to this user again. Idempotent. */
export async function dismissSuggestion(db: Db, p: { userId: string; conceptId: string }): Promise<void> {
  const concept = await queryRows<{ kind: string }>(db, sql`select kind from concepts where id = ${p.conceptId}`);
  if (concept[0]?.kind !== "skill") throw new AppError("not_found", "No such skill");
  await db.execute(
    sql`insert into dismissed_suggestions (user_id, concept_id) values (${p.userId}, ${p.conceptId})
        on conflict (user_id, concept_id) do nothing`,
  );
}

export async function dismissedSkillIds(db: Db, p: { userId: string }): Promise<string[]> {
  const rows = await queryRows<{ concept_id: string }>(db, sql`select concept_id from dismissed_suggestions where user_id = ${p.userId}`);
  return rows.map((r) => r.concept_id);
}
