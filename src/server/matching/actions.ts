"use server";
// One-click actions of /matches: "I have this now", "not for me", and reading skills from pasted text.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/server/action";
import { EmbeddingError } from "@/server/embeddings/openai";
import { AppError } from "@/server/errors";
import { matchByText } from "./by-text";
import { extractSkills } from "./extract";
import { SkillNamerError } from "./extract/openai";
import { MAX_EXTRACT_CHARS } from "./extract/types";
import { addSkillToProfile, dismissSuggestion, loadTargetRoleIds, loadUserSkills } from "./profile-skills";
import { addRole } from "@/server/profile/roles";
import { enforceRateLimit, expensiveRateLimit } from "@/server/ratelimit";

const conceptInput = z.object({ conceptId: z.uuid() });

export const haveSkillAction = userAction(conceptInput, async ({ conceptId }, { user, db }) => {
  const result = await addSkillToProfile(db, { userId: user.id, conceptId, actor: user });
  revalidatePath("/matches");
  revalidatePath("/profile");
  return result;
});

export const dismissSuggestionAction = userAction(conceptInput, async ({ conceptId }, { user, db }) => {
  await dismissSuggestion(db, { userId: user.id, conceptId });
  revalidatePath("/matches");
  return { dismissed: true } as const;
});

/** "Make this my target role" from a role page. Already a target: said so, nothing written twice. */
export const makeTargetRoleAction = userAction(conceptInput, async ({ conceptId }, { user, db }) => {
  if ((await loadTargetRoleIds(db, { userId: user.id })).includes(conceptId)) return { added: false } as const;
  await addRole(db, { actor: user, input: { kind: "target", conceptId, customLabel: null } });
  revalidatePath("/matches");
  revalidatePath("/profile");
  revalidatePath(`/roles/${conceptId}`);
  return { added: true } as const;
});

const extractInput = z.object({
  text: z.string().trim().min(3).max(MAX_EXTRACT_CHARS),
  lang: z.enum(["nb", "en"]),
});

export const extractSkillsAction = userAction(extractInput, async ({ text, lang }, { user, db, embedder, skillNamer: namer }) => {
  if (user.restricted) throw new AppError("forbidden", "restricted");
  await enforceRateLimit(db, expensiveRateLimit("extract", { user }));
  // Only the pasted text goes to OpenAI, with e-mails, phone numbers and the user's name removed (the context's namer and embedder redact).
  const own = (await loadUserSkills(db, { userId: user.id })).flatMap((s) => (s.conceptId !== undefined ? [s.conceptId] : []));
  try {
    // Nothing is written here: the user accepts each skill. The roles are ranked from the text itself.
    const [skills, matched] = await Promise.all([
      extractSkills(db, { text, lang, embedder, namer, exclude: own }),
      matchByText(db, { text, lang, limit: 5, embedder }),
    ]);
    return { skills, roles: matched.status === "ok" ? matched.roles : [] };
  } catch (error) {
    // OpenAI failed (down, timing out, or an answer of the wrong shape): a plain "try again", not "internal".
    if (error instanceof SkillNamerError || error instanceof EmbeddingError) {
      throw new AppError("unavailable", "Reading skills from text is unavailable right now. Please try again in a moment.");
    }
    throw error;
  }
});
