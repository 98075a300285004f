import type { Db } from "@/server/db/client";
import { seedDemoActivity } from "./demo-activity";
import { seedDemoUsers } from "./demo-users";

/**
 * Demo content for a fresh embedded database. Every step is idempotent, so this runs on each start.
 * Later steps (taxonomy, profiles, activity) are appended in dependency order.
 */
export async function seedDemo(db: Db): Promise<void> {
  await seedDemoUsers(db);
  await seedDemoActivity(db);
}
