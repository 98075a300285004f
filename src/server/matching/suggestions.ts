// "Skills you may also have": near neighbours of the user's skills, then the skills most specific to
// the roles that ask for them, minus what the user has, has dismissed, or is already shown.
import "server-only";
import type { Db } from "@/server/db/client";
import type { Embedder } from "@/server/embeddings/types";
import { coverSkills, dedupeSkills, type Coverage } from "./coverage";
import { labelsFor } from "./labels";
import { dismissedSkillIds, loadUserSkills } from "./profile-skills";
import { relatedSkills } from "./related";
import type { MatchLang, SkillSuggestion } from "./types";

export async function skillsYouMayHave(
  db: Db,
  p: { userId: string; lang: MatchLang; embedder: Embedder; limit: number; restricted?: boolean },
): Promise<SkillSuggestion[]> {
  if (p.restricted) return [];
  const skills = dedupeSkills(await loadUserSkills(db, { userId: p.userId }));
  const dismissed = await dismissedSkillIds(db, { userId: p.userId });
  const coverage = await coverSkills(db, { skills, lang: p.lang, embedder: p.embedder, neighbours: 4 });
  return suggestionsFor(db, { coverage, dismissed, lang: p.lang, limit: p.limit });
}

export async function suggestionsFor(
  db: Db,
  p: { coverage: Coverage; dismissed: readonly string[]; alsoExclude?: readonly string[]; lang: MatchLang; limit: number },
): Promise<SkillSuggestion[]> {
  const own = [...p.coverage.ownIds];
  const exclude = new Set([...own, ...p.dismissed, ...(p.alsoExclude ?? [])]);
  const out: SkillSuggestion[] = [];
  // Near neighbours first: a skill almost the same as one you listed is the likeliest one you have.
  const near = [...p.coverage.bySkill.entries()]
    .filter(([id, cover]) => !exclude.has(id) && cover.strength < 1)
    .sort((a, b) => b[1].strength - a[1].strength || a[0].localeCompare(b[0]))
    .slice(0, Math.ceil(p.limit / 2));
  const nearLabels = await labelsFor(db, near.map(([id]) => id), p.lang);
  for (const [id, cover] of near) {
    out.push({ skillId: id, label: nearLabels.get(id) ?? id, roles: 0, similarTo: cover.byLabel });
    exclude.add(id);
  }
  if (own.length > 0) {
    out.push(...(await relatedSkills(db, { seedIds: own, exclude: [...exclude], lang: p.lang, limit: p.limit - out.length, by: "affinity" })));
  }
  return out.slice(0, p.limit);
}
