import "server-only";

/** Turns texts into unit-length vectors of EMBEDDING_DIMENSIONS. One interface, two adapters (OpenAI, local). */
export interface Embedder {
  /** Stored beside every vector, so a model change can be migrated. */
  readonly model: string;
  embed(texts: string[]): Promise<number[][]>;
}
