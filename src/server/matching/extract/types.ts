import "server-only";

/** A skill found in pasted text, with the words it came from. Nothing is added until the user accepts it. */
export type ExtractedSkill = {
  skillId: string;
  label: string;
  /** The words in the pasted text this skill was read from. */
  phrase: string;
  /** label: a label or synonym appears verbatim; similar: near spelling (embeddings); ai: named by the language model. */
  via: "label" | "similar" | "ai";
  confidence: number;
};

/** A language model that names skills in a text. Only the text goes out, never who wrote it. */
export interface SkillNamer {
  readonly name: string;
  nameSkills(text: string, lang: "nb" | "en"): Promise<{ name: string; phrase: string }[]>;
}

export const MAX_EXTRACT_CHARS = 5000;
