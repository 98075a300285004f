import type { Db } from "@/server/db/client";
import { conceptLabels, concepts, users } from "@/server/db/schema";
import { bumpTaxonomyVersion } from "@/server/taxonomy/version";

/** A few concepts of our own, so profile tests do not depend on the starter taxonomy. */
export async function insertTestConcepts(db: Db) {
  const rows = await db
    .insert(concepts)
    .values([
      { uri: "test:skill/typescript", kind: "skill", source: "starter" },
      { uri: "test:skill/welding", kind: "skill", source: "starter" },
      { uri: "test:role/developer", kind: "role", source: "starter" },
    ])
    .returning({ id: concepts.id, uri: concepts.uri });
  const id = (uri: string) => {
    const row = rows.find((r) => r.uri === uri);
    if (!row) throw new Error(`missing ${uri}`);
    return row.id;
  };
  const ts = id("test:skill/typescript");
  const welding = id("test:skill/welding");
  const developer = id("test:role/developer");
  const label = (conceptId: string, kind: "skill" | "role", lang: string, text: string) => ({
    conceptId,
    kind,
    lang,
    labelKind: "preferred" as const,
    label: text,
    normalized: text.toLowerCase(),
  });
  await db.insert(conceptLabels).values([
    label(ts, "skill", "en", "TypeScript"),
    label(ts, "skill", "nb", "TypeScript"),
    label(welding, "skill", "en", "welding"),
    label(welding, "skill", "nb", "sveising"),
    label(developer, "role", "en", "software developer"),
    label(developer, "role", "nb", "programvareutvikler"),
  ]);
  await bumpTaxonomyVersion(db);
  return { ts, welding, developer };
}

export async function insertTestUser(db: Db, email: string, flags: { restricted?: boolean; objected?: boolean } = {}) {
  const [row] = await db
    .insert(users)
    .values({
      email,
      displayName: email.split("@")[0] ?? email,
      restrictedAt: flags.restricted ? new Date() : null,
      objectedAt: flags.objected ? new Date() : null,
    })
    .returning({ id: users.id });
  if (!row) throw new Error("no user");
  return { id: row.id, restricted: Boolean(flags.restricted), objected: Boolean(flags.objected) };
}
