// The gap plan: what to learn next for the user's target roles.
import "server-only";
import type { Db } from "@/server/db/client";
import type { Embedder } from "@/server/embeddings/types";
import { coverSkills, dedupeSkills, type Coverage } from "./coverage";
import { explainRoles } from "./match";
import { loadTargetRoleIds, loadUserSkills } from "./profile-skills";
import type { MatchLang, RoleMatch } from "./types";

export type GapSkill = { skillId: string; label: string; essential: boolean; neededBy: number };
export type GapRole = { roleId: string; label: string; score: number; missing: GapSkill[]; match: RoleMatch };
export type GapPlan = { status: "ok"; roles: GapRole[] } | { status: "restricted" } | { status: "no_targets" };

export async function gapPlan(
  db: Db,
  p: { userId: string; lang: MatchLang; embedder: Embedder; restricted?: boolean },
): Promise<GapPlan> {
  if (p.restricted) return { status: "restricted" };
  const targetIds = await loadTargetRoleIds(db, { userId: p.userId });
  if (targetIds.length === 0) return { status: "no_targets" };
  const skills = dedupeSkills(await loadUserSkills(db, { userId: p.userId }));
  const coverage = await coverSkills(db, { skills, lang: p.lang, embedder: p.embedder });
  return gapPlanFor(db, { coverage, targetIds, lang: p.lang });
}

/**
 * For each target role: the essential skills the user lacks first, those needed by more of the
 * user's target roles before others, then the optional ones (same order rule). "Lacks" uses the same
 * coverage as /matches, so a near skill that counts there is not listed here as missing.
 */
export async function gapPlanFor(db: Db, p: { coverage: Coverage; targetIds: readonly string[]; lang: MatchLang }): Promise<GapPlan> {
  if (p.targetIds.length === 0) return { status: "no_targets" };
  const roles = await explainRoles(db, p.coverage, p.targetIds, p.lang);
  const essentialNeed = new Map<string, number>();
  const optionalNeed = new Map<string, number>();
  for (const role of roles) {
    for (const s of role.missingEssential) essentialNeed.set(s.skillId, (essentialNeed.get(s.skillId) ?? 0) + 1);
    for (const s of role.missingOptional) optionalNeed.set(s.skillId, (optionalNeed.get(s.skillId) ?? 0) + 1);
  }
  const byNeed = (a: GapSkill, b: GapSkill) => b.neededBy - a.neededBy || a.label.localeCompare(b.label);
  return {
    status: "ok",
    roles: roles.map((role) => ({
      roleId: role.roleId,
      label: role.label,
      score: role.score,
      match: role,
      missing: [
        ...role.missingEssential.map((s) => ({ ...s, essential: true, neededBy: essentialNeed.get(s.skillId) ?? 1 })).sort(byNeed),
        ...role.missingOptional.map((s) => ({ ...s, essential: false, neededBy: optionalNeed.get(s.skillId) ?? 1 })).sort(byNeed),
      ],
    })),
  };
}
