// Matching from plain skill names (the JSON API, the CLI and the evaluation share this path): each
// name is resolved via the taxonomy (exact normalized label or synonym), else kept as a custom skill.
import "server-only";
import type { Db } from "@/server/db/client";
import type { Embedder } from "@/server/embeddings/types";
import { normalizeLabel } from "@/server/taxonomy/normalize";
import { resolveSkillLabels } from "./labels";
import { matchRoles } from "./match";
import type { MatchLang, MatchRolesResult, RoleMatch, UserSkillInput } from "./types";

export async function skillsFromLabels(db: Db, p: { labels: readonly string[]; lang: MatchLang }): Promise<UserSkillInput[]> {
  const labels = p.labels.map((l) => l.trim()).filter(Boolean);
  const ids = await resolveSkillLabels(db, labels, p.lang);
  return labels.map((label) => {
    const conceptId = ids.get(normalizeLabel(label));
    return conceptId ? { conceptId } : { customLabel: label };
  });
}

export async function matchByLabels(
  db: Db,
  p: { labels: readonly string[]; lang: MatchLang; limit: number; embedder: Embedder; restricted?: boolean },
): Promise<MatchRolesResult> {
  const skills = await skillsFromLabels(db, p);
  return matchRoles(db, { skills, lang: p.lang, limit: p.limit, embedder: p.embedder, restricted: p.restricted });
}

export type CliRole = {
  id: string;
  /** The concept URI: the ESCO URI for ESCO roles. */
  uri: string;
  label: string;
  score: number;
  matched: { skill: string; by: string; strength: number; essential: boolean }[];
  missing: string[];
  /** Matching from text: the words of the text that named the role (they order the list only). */
  textMentions?: string[];
};

/** The CLI's output: matched skills (essential first) and the essential skills that are missing. */
export function toCliRoles(roles: readonly RoleMatch[]): CliRole[] {
  return roles.map((r) => ({
    id: r.roleId,
    uri: r.uri,
    label: r.label,
    score: r.score,
    matched: [
      ...r.matchedEssential.map((m) => ({ skill: m.label, by: m.by.label, strength: m.strength, essential: true })),
      ...r.matchedOptional.map((m) => ({ skill: m.label, by: m.by.label, strength: m.strength, essential: false })),
    ],
    missing: r.missingEssential.map((s) => s.label),
    ...(r.textEvidence ? { textMentions: r.textEvidence } : {}),
  }));
}

/** Splits "a; b; c" (also newlines) into skill names. Commas stay: ESCO labels contain them. */
export function splitSkillList(value: string): string[] {
  return value.split(/[;\n]/).map((s) => s.trim()).filter(Boolean);
}
