import type { Db } from "@/server/db/client";
import { seedDemoActivity } from "./demo-activity";
import { seedDemoProfiles } from "./demo-profiles";
import { seedDemoUsers } from "./demo-users";
import { seedEmbeddings } from "./embeddings";
import { seedStarterTaxonomy } from "./starter-taxonomy";

/**
 * Demo content for a fresh embedded database. Every step is idempotent, so this runs on each start.
 * Later steps (taxonomy, profiles, activity) are appended in dependency order.
 */
export async function seedDemo(db: Db): Promise<void> {
  await seedStarterTaxonomy(db);
  await seedEmbeddings(db);
  await seedDemoUsers(db);
  await seedDemoProfiles(db);
  await seedDemoActivity(db);
}
