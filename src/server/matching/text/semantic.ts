// The offline semantic signal for matching from text, one ranked list of roles:
//   lsa:  an LSA model learned in-process from the taxonomy's own labels and descriptions
//         (per taxonomy version), the text folded into its space, cosine against each role;
//   embedding: the configured embedder's vector of the text against the stored role vectors (the hashed
//         character n-gram embedder offline, OpenAI in production);
import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { queryRows } from "@/server/db/rows";
import { lsaVector, trainLsa, type LsaModel } from "@/server/embeddings/lsa";
import type { Embedder } from "@/server/embeddings/types";
import { vectorLiteral } from "../sql";
import { terms } from "./terms";
import { getTextIndex, loadRoleTexts } from "./text-index";

export type SemanticSignal = "lsa" | "embedding" | "none";
export const LSA_DIMENSIONS = 100;

type LsaIndex = { version: number; model: LsaModel; roleVectors: Float32Array[] };
const cache = new WeakMap<Db, Promise<LsaIndex>>();

export async function getLsaIndex(db: Db): Promise<LsaIndex> {
  const text = await getTextIndex(db);
  const cached = cache.get(db);
  if (cached) {
    const index = await cached.catch(() => undefined);
    if (index && index.version === text.version) return index;
  }
  const building = (async () => {
    const { roleFields } = await loadRoleTexts(db, text.roles);
    const skills = await queryRows<{ label: string; description: string | null }>(
      db,
      sql`select string_agg(l.label, ' ') as label, c.descriptions->>'en' as description
          from concepts c join concept_labels l on l.concept_id = c.id where c.kind = 'skill' group by c.id, c.descriptions`,
    );
    const roleDocs = roleFields.map((f) => [...(f[0] ?? []), ...(f[1] ?? []), ...(f[2] ?? [])]);
    const skillDocs = skills.map((s) => terms(`${s.label} ${s.description ?? ""}`));
    const model = trainLsa([...roleDocs, ...skillDocs], { k: LSA_DIMENSIONS });
    return { version: text.version, model, roleVectors: roleFields.map((f) => lsaVector(model, [...(f[0] ?? []), ...(f[1] ?? []), ...(f[2] ?? []), ...(f[3] ?? [])])) };
  })();
  cache.set(db, building);
  return building;
}

/** Role ids, most similar first, up to `depth`. */
export async function semanticRoles(db: Db, p: { text: string; signal: SemanticSignal; embedder: Embedder; depth: number }): Promise<string[]> {
  if (p.signal === "none") return [];
  if (p.signal === "embedding") {
    const [vector] = await p.embedder.embed([p.text]);
    if (!vector || vector.length === 0) return [];
    const rows = await queryRows<{ concept_id: string }>(
      db,
      sql`select e.concept_id from concept_embeddings e join concepts c on c.id = e.concept_id and c.kind = 'role'
          where e.model = ${p.embedder.model} order by e.embedding <=> ${vectorLiteral(vector)} limit ${p.depth}`,
    );
    return rows.map((r) => r.concept_id);
  }
  const [lsa, text] = await Promise.all([getLsaIndex(db), getTextIndex(db)]);
  const q = lsaVector(lsa.model, terms(p.text));
  if (q.length === 0) return [];
  const scored = lsa.roleVectors.map((v, role) => {
    let dot = 0;
    for (let d = 0; d < v.length; d++) dot += (v[d] ?? 0) * (q[d] ?? 0);
    return { role, dot };
  });
  return scored
    .sort((a, b) => b.dot - a.dot)
    .slice(0, p.depth)
    .map((s) => text.roles.roleIds[s.role] ?? "");
}
