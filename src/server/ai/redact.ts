import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { profiles } from "@/server/db/schema";
import type { Embedder } from "@/server/embeddings/types";
import type { SkillNamer } from "@/server/matching/extract/types";

/**
 * What leaves for the AI provider (OpenAI), and nothing else, as the privacy policy says: text with
 * e-mail addresses, phone numbers and the person's own name replaced by placeholders. Every call
 * site that sends user-written text (search queries, custom skill labels, pasted CV text) goes
 * through here; taxonomy labels carry no personal data and are embedded as they are.
 */
export type AiIdentity = { names: string[] };

const emailRe = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
const phoneRe = /(?:\+|00)?\d[\d\s().-]{5,}\d/g;
const yearSpanRe = /^(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d$/;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The text with identities removed. Names match as whole words, case-insensitively, in any order. */
export function redactForAi(text: string, identity: AiIdentity | null): string {
  let out = text
    .replace(emailRe, "[email]")
    // Eight digits or more is a phone number, unless it is a span of years ("2015 - 2020").
    .replace(phoneRe, (m) => ((m.match(/\d/g)?.length ?? 0) < 8 || yearSpanRe.test(m) ? m : "[phone]"));
  const parts = new Set<string>();
  for (const name of identity?.names ?? []) {
    for (const part of name.split(/[\s,.-]+/)) if ([...part].length >= 2) parts.add(part.toLowerCase());
  }
  // Longest first, so "Anne-Marie" goes before "Anne".
  for (const part of [...parts].sort((a, b) => b.length - a.length)) {
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(part)}(?![\\p{L}\\p{N}])`, "giu"), "[name]");
  }
  return out;
}

/** The names a user goes by here: their account name and the full name on their profile. */
export async function aiIdentityOf(db: Db, user: { id: string; displayName: string } | null): Promise<AiIdentity | null> {
  if (!user) return null;
  const [profile] = await db.select({ fullName: profiles.fullName }).from(profiles).where(eq(profiles.userId, user.id)).limit(1);
  return { names: [user.displayName, profile?.fullName ?? ""].filter(Boolean) };
}

/** Identity is looked up on the first text sent, so a request that sends nothing costs no query. */
type IdentitySource = () => Promise<AiIdentity | null>;

export function redactingEmbedder(embedder: Embedder, identity: IdentitySource): Embedder {
  return { model: embedder.model, embed: async (texts) => embedder.embed(redactAll(texts, await identity())) };
}

export function redactingNamer(namer: SkillNamer, identity: IdentitySource): SkillNamer {
  return { ...namer, nameSkills: async (text, lang) => namer.nameSkills(redactForAi(text, await identity()), lang) };
}

function redactAll(texts: string[], identity: AiIdentity | null): string[] {
  return texts.map((t) => redactForAi(t, identity));
}
