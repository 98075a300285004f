// "Skills you may also have": co-occurrence in roles plus embedding neighbours, minus what the user
// has or has dismissed.
import "server-only";
import type { Db } from "@/server/db/client";
import type { Embedder } from "@/server/embeddings/types";
import { coverSkills, dedupeSkills } from "./coverage";
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
  const own = skills.flatMap((s) => (s.conceptId !== undefined ? [s.conceptId] : []));
  const dismissed = await dismissedSkillIds(db, { userId: p.userId });
  const coverage = await coverSkills(db, { skills, lang: p.lang, embedder: p.embedder, neighbours: 4 });
  const exclude = new Set([...own, ...dismissed]);
  const out: SkillSuggestion[] = [];
  // Near neighbours first: a skill almost the same as one you listed is the likeliest one you have.
  const near = [...coverage.bySkill.entries()]
    .filter(([id, cover]) => !exclude.has(id) && cover.strength < 1)
    .sort((a, b) => b[1].strength - a[1].strength)
    .slice(0, Math.ceil(p.limit / 2));
  const nearLabels = await labelsFor(db, near.map(([id]) => id), p.lang);
  for (const [id, cover] of near) {
    out.push({ skillId: id, label: nearLabels.get(id) ?? id, roles: 0, similarTo: cover.byLabel });
    exclude.add(id);
  }
  if (own.length > 0) {
    const related = await relatedSkills(db, { seedIds: own, exclude: [...exclude], lang: p.lang, limit: p.limit - out.length });
    out.push(...related);
  }
  return out.slice(0, p.limit);
}
