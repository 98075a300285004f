import "server-only";
import type { Db } from "@/server/db/client";
import type { Embedder } from "@/server/embeddings/types";
import { seedDemoActivity } from "./demo-activity";
import { seedDemoProfiles } from "./demo-profiles";
import { seedDemoUsers } from "./demo-users";
import { seedEmbeddings } from "./embeddings";
import { seedStarterTaxonomy } from "./starter-taxonomy";

/**
 * Content for a database. Every step is idempotent, so this runs on each embedded start. Demo
 * people (users who can sign in without a password, one an admin, with profiles and activity) are
 * added only when `demoPeople` is set: always for the embedded database, and for a database
 * reached through DATABASE_URL only on request (`npm run db:seed -- --demo`).
 */
export async function seedDemo(db: Db, opts: { demoPeople: boolean; embedder: Embedder; statsK: number }): Promise<void> {
  await seedStarterTaxonomy(db);
  await seedEmbeddings(db, opts.embedder);
  if (!opts.demoPeople) return;
  await seedDemoUsers(db);
  await seedDemoProfiles(db);
  await seedDemoActivity(db, { statsK: opts.statsK });
}
