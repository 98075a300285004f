// Everything /matches shows, from one read of the profile and one coverage: the ranked roles (or,
// with too few skills, the skills many roles ask for), the gap plan and "skills you may also have".
import "server-only";
import type { Db } from "@/server/db/client";
import { ensurePlannerStats } from "@/server/db/planner-stats";
import type { Embedder } from "@/server/embeddings/types";
import { coverSkills, dedupeSkills } from "./coverage";
import { gapPlanFor, type GapPlan } from "./gap";
import { MIN_SKILLS_FOR_MATCHING, rolesForCoverage } from "./match";
import { dismissedSkillIds, loadTargetRoleIds, loadUserSkills } from "./profile-skills";
import { relatedSkills } from "./related";
import { suggestionsFor } from "./suggestions";
import type { MatchLang, RoleMatch, SkillSuggestion } from "./types";

export type MatchesView =
  | { status: "restricted" }
  | {
      status: "ok" | "too_few_skills";
      roles: RoleMatch[];
      /** With too few skills: the skills many roles that ask for yours ask for. */
      demanded: SkillSuggestion[];
      plan: GapPlan;
      suggestions: SkillSuggestion[];
    };

export async function matchesView(
  db: Db,
  p: { userId: string; lang: MatchLang; embedder: Embedder; restricted: boolean; limit: number },
): Promise<MatchesView> {
  if (p.restricted) return { status: "restricted" };
  await ensurePlannerStats(db);
  const [rawSkills, targetIds, dismissed] = await Promise.all([
    loadUserSkills(db, { userId: p.userId }),
    loadTargetRoleIds(db, { userId: p.userId }),
    dismissedSkillIds(db, { userId: p.userId }),
  ]);
  const skills = dedupeSkills(rawSkills);
  const coverage = await coverSkills(db, { skills, lang: p.lang, embedder: p.embedder });
  const own = [...coverage.ownIds];
  const tooFew = skills.length < MIN_SKILLS_FOR_MATCHING;
  const [roles, demanded, plan] = await Promise.all([
    tooFew ? Promise.resolve([]) : rolesForCoverage(db, coverage, p.lang, p.limit),
    tooFew ? relatedSkills(db, { seedIds: own, exclude: [...own, ...dismissed], lang: p.lang, limit: 8, by: "demand" }) : Promise.resolve([]),
    gapPlanFor(db, { coverage, targetIds, lang: p.lang }),
  ]);
  // The two lists never repeat each other: what "many roles ask for" shows is not suggested again.
  const suggestions = await suggestionsFor(db, { coverage, dismissed, alsoExclude: demanded.map((s) => s.skillId), lang: p.lang, limit: 8 });
  return { status: tooFew ? "too_few_skills" : "ok", roles, demanded, plan, suggestions };
}
