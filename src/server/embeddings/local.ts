// The embedded (offline) embedder.
import "server-only";
import { EMBEDDING_DIMENSIONS } from "@/server/db/schema/taxonomy";
import type { Embedder } from "./types";

export const LOCAL_EMBEDDING_MODEL = "evne-local-hash-v1";

/**
 * Lower-case, accents folded, æ/ø/å spelled out, punctuation as spaces: "Sjåfør" and "sjafor",
 * "Node.js" and "node js" become the same text, so n-grams line up across spellings.
 */
export function foldForEmbedding(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "o")
    .replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[^\p{L}\p{N}+#]+/gu, " ")
    .trim();
}

/** FNV-1a, 32 bits: fast, stable across runs and platforms. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function addFeature(vector: Float64Array, feature: string, weight: number): void {
  const hash = fnv1a(feature);
  // Low bits pick the slot, a high bit picks the sign, so collisions cancel out on average.
  const slot = hash % EMBEDDING_DIMENSIONS;
  const sign = hash & 0x80000000 ? -1 : 1;
  vector[slot] = (vector[slot] ?? 0) + sign * weight;
}

/** Hashed character 3-grams (with word boundaries) plus word unigrams, L2-normalised. */
export function embedText(text: string): number[] {
  const vector = new Float64Array(EMBEDDING_DIMENSIONS);
  const words = foldForEmbedding(text).split(" ").filter(Boolean);
  for (const word of words) {
    addFeature(vector, `w:${word}`, 1.5);
    const padded = `#${word}#`;
    if (padded.length <= 3) addFeature(vector, `g:${padded}`, 1);
    for (let i = 0; i + 3 <= padded.length; i++) addFeature(vector, `g:${padded.slice(i, i + 3)}`, 1);
  }
  let norm = 0;
  for (const v of vector) norm += v * v;
  norm = Math.sqrt(norm);
  // An empty text still needs a unit vector: cosine distance to a zero vector is undefined.
  if (norm === 0) return Array.from({ length: EMBEDDING_DIMENSIONS }, (_, i) => (i === 0 ? 1 : 0));
  return Array.from(vector, (v) => v / norm);
}

/** Deterministic, offline, 256 dimensions: near enough for typos and shared word parts. */
export function createLocalEmbedder(): Embedder {
  return {
    model: LOCAL_EMBEDDING_MODEL,
    embed: async (texts) => texts.map(embedText),
  };
}
