// The OpenAI skill namer: chat completions with a strict JSON schema. Only the pasted text is sent,
// never the user's name, e-mail or id. What it returns is untrusted: see validateNamedSkills.
import OpenAI from "openai";
import { z } from "zod";
import type { SkillNamer } from "./types";

const replySchema = z.object({
  skills: z.array(z.object({ name: z.string().trim().min(1).max(200), phrase: z.string().max(500) })).max(100),
});

const jsonSchema = {
  type: "object",
  properties: {
    skills: {
      type: "array",
      items: {
        type: "object",
        properties: {
          name: { type: "string", description: "The skill, as a short standard skill name (ESCO style)" },
          phrase: { type: "string", description: "The exact words in the text the skill was read from" },
        },
        required: ["name", "phrase"],
        additionalProperties: false,
      },
    },
  },
  required: ["skills"],
  additionalProperties: false,
} as const;

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
      let content: string | null | undefined;
      try {
        const completion = await client.chat.completions.create({
          model: options.model,
          temperature: 0,
          messages: [
            { role: "system", content: instructions[lang] },
            { role: "user", content: text },
          ],
          response_format: { type: "json_schema", json_schema: { name: "skills_in_text", strict: true, schema: jsonSchema } },
        });
        content = completion.choices[0]?.message.content;
      } catch (error) {
        const status = error instanceof OpenAI.APIError ? ` (HTTP ${error.status})` : "";
        throw new SkillNamerError(`OpenAI skill extraction failed${status}`);
      }
      if (!content) throw new SkillNamerError("OpenAI returned no answer");
      let json: unknown;
      try {
        json = JSON.parse(content);
      } catch {
        throw new SkillNamerError("OpenAI returned something that is not JSON");
      }
      const parsed = replySchema.safeParse(json);
      if (!parsed.success) throw new SkillNamerError("OpenAI's answer did not have the expected shape");
      return parsed.data.skills;
    },
  };
}
