// The OpenAI skill namer: chat completions with a strict JSON schema. Only the pasted text is sent,
// never the user's name, e-mail or id. What it returns is untrusted: see validateNamedSkills.
import "server-only";
import OpenAI from "openai";
import { zodResponseFormat } from "openai/helpers/zod";
import { z } from "zod";
import type { Env } from "@/env";
import type { SkillNamer } from "./types";

/** What the model must answer; the strict JSON schema it is sent is derived from this. */
const skillsInText = z.object({
  skills: z
    .array(
      z.object({
        name: z.string().describe("The skill, as a short standard skill name (ESCO style)"),
        phrase: z.string().describe("The exact words in the text the skill was read from"),
      }),
    )
    .max(100),
});
const responseFormat = zodResponseFormat(skillsInText, "skills_in_text");
/** Bounds strict mode cannot express; a skill outside them is dropped. */
const usable = (s: { name: string; phrase: string }) => s.name.length > 0 && s.name.length <= 200 && s.phrase.length <= 500;

const instructions = {
  en: "List the professional skills the text shows its author has. Use short, standard skill names in English. For each, quote the exact words of the text it came from. Do not guess skills the text does not show.",
  nb: "List opp de faglige ferdighetene teksten viser at forfatteren har. Bruk korte, vanlige ferdighetsnavn på norsk bokmål. Siter for hver de nøyaktige ordene i teksten den kom fra. Ikke gjett ferdigheter teksten ikke viser.",
};

export class SkillNamerError extends Error {
  override name = "SkillNamerError";
}

export function createOpenAISkillNamer(options: { apiKey: string; model: string; baseURL?: string }): SkillNamer {
  const client = new OpenAI({ apiKey: options.apiKey, baseURL: options.baseURL, maxRetries: 1 });
  return {
    name: `openai:${options.model}`,
    async nameSkills(text, lang) {
      let answer: z.infer<typeof skillsInText> | null | undefined;
      try {
        const completion = await client.chat.completions.parse({
          model: options.model,
          temperature: 0,
          messages: [
            { role: "system", content: instructions[lang] },
            { role: "user", content: text },
          ],
          response_format: responseFormat,
        });
        answer = completion.choices[0]?.message.parsed;
      } catch (error) {
        if (error instanceof OpenAI.APIError) throw new SkillNamerError(`OpenAI skill extraction failed (HTTP ${error.status})`);
        if (error instanceof SyntaxError || error instanceof z.ZodError) throw new SkillNamerError("OpenAI's answer did not have the expected shape");
        throw new SkillNamerError("OpenAI skill extraction failed");
      }
      if (!answer) throw new SkillNamerError("OpenAI returned no answer");
      return answer.skills.map((s) => ({ name: s.name.trim(), phrase: s.phrase })).filter(usable);
    },
  };
}

/** The configured skill namer: OpenAI when OPENAI_API_KEY is set; undefined means the local extractor alone. */
export function skillNamerFor(env: Env): SkillNamer | undefined {
  return env.OPENAI_API_KEY ? createOpenAISkillNamer({ apiKey: env.OPENAI_API_KEY, model: env.OPENAI_CHAT_MODEL }) : undefined;
}
