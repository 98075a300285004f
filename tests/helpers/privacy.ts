import { sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { queryRows } from "@/server/db/rows";
import {
  concepts,
  consentEvents,
  dismissedSuggestions,
  educations,
  experienceSkills,
  experiences,
  loginEvents,
  mailOutbox,
  pageViewCounters,
  policyAcknowledgements,
  policyVersions,
  profileEvents,
  profiles,
  searchLog,
  userRoles,
  userSkills,
  users,
} from "@/server/db/schema";
import { allPseudonymsFor, parseKeyring, pseudonymFor, type Keyring } from "@/server/pseudonym";
import { bumpTaxonomyVersion } from "@/server/taxonomy/version";

/** Two keys: the user's older rows were written under k0, newer ones under k1. */
export const testRing: Keyring = parseKeyring("k1:test-current-secret-0123456789,k0:test-previous-secret-012345678");
const oldRing: Keyring = parseKeyring("k0:test-previous-secret-012345678");

/** Tables holding a user_id or pseudonym column, read from the live database. */
export async function personalTables(db: Db): Promise<{ table: string; column: "user_id" | "pseudonym" }[]> {
  return queryRows<{ table: string; column: "user_id" | "pseudonym" }>(
    db,
    sql`select table_name as "table", column_name as "column" from information_schema.columns
        where table_schema = 'public' and column_name in ('user_id', 'pseudonym') order by table_name`,
  );
}

/** Rows anywhere in the database that point at this user (by id or by any of their pseudonyms). */
export async function rowsLeftFor(db: Db, userId: string, ring: Keyring): Promise<Record<string, number>> {
  const pseudonyms = allPseudonymsFor(userId, ring).map((p) => p.pseudonym);
  const left: Record<string, number> = {};
  const [u] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from users where id = ${userId}`);
  if (u && u.n > 0) left.users = u.n;
  for (const { table, column } of await personalTables(db)) {
    const where =
      column === "user_id"
        ? sql`${sql.identifier(column)}::text = ${userId}`
        : sql`${sql.identifier(column)} in (${sql.join(pseudonyms.map((p) => sql`${p}`), sql`, `)})`;
    const [r] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(table)} where ${where}`);
    if (r && r.n > 0) left[`${table}.${column}`] = r.n;
  }
  return left;
}

let seq = 0;

/** A user with at least one row in every personal table, including pseudonymous rows under an old key. */
export async function userWithEverything(db: Db, opts: { clerkId?: string; avatar?: "disk" | "uploadthing" } = {}) {
  const n = ++seq;
  const [concept] = await db
    .insert(concepts)
    .values({ uri: `evne:skill/privacy-test-${n}-${Math.random().toString(36).slice(2)}`, kind: "skill", source: "starter" })
    .returning();
  if (!concept) throw new Error("no concept");
  await bumpTaxonomyVersion(db);
  const [user] = await db.insert(users).values({ email: `person${n}@example.test`, displayName: `Person ${n}`, clerkId: opts.clerkId ?? null }).returning();
  if (!user) throw new Error("no user");
  const avatar = opts.avatar ?? "disk";
  await db.insert(profiles).values({
    userId: user.id,
    fullName: `Person ${n}`,
    email: user.email,
    city: "Oslo",
    avatarKey: `avatar-${n}.webp`,
    avatarUrl: `/api/avatars/avatar-${n}.webp`,
    avatarStorage: avatar,
  });
  const [skill] = await db.insert(userSkills).values({ userId: user.id, conceptId: concept.id, level: 3 }).returning();
  if (!skill) throw new Error("no skill");
  await db.insert(userRoles).values({ userId: user.id, kind: "target", customLabel: "Data steward" });
  const [exp] = await db.insert(experiences).values({ userId: user.id, title: "Analyst", organisation: "Acme", startDate: "2020-01-01" }).returning();
  if (!exp) throw new Error("no experience");
  await db.insert(experienceSkills).values({ experienceId: exp.id, userSkillId: skill.id });
  await db.insert(educations).values({ userId: user.id, institution: "UiO", qualification: "MSc", startDate: "2015-08-15", endDate: "2017-06-15" });
  await db.insert(consentEvents).values({ userId: user.id, purpose: "newsletter", granted: true, policyVersion: "1.0", source: "settings" });
  await db.insert(loginEvents).values({ userId: user.id, method: "local" });
  await db.insert(pageViewCounters).values({ userId: user.id, day: "2026-11-20", route: "/profile", count: 4 });
  const [pv] = await db
    .insert(policyVersions)
    .values({ version: `t${n}`, material: false, effectiveAt: new Date("2026-01-01T00:00:00Z"), summary: { nb: "x", en: "x" } })
    .returning();
  if (!pv) throw new Error("no policy version");
  await db.insert(policyAcknowledgements).values({ userId: user.id, policyVersionId: pv.id });
  await db.insert(dismissedSuggestions).values({ userId: user.id, conceptId: concept.id });
  await db.insert(mailOutbox).values({ userId: user.id, toAddress: user.email, template: "policy_changed", payload: { version: "t" } });
  const current = pseudonymFor(user.id, testRing);
  const old = pseudonymFor(user.id, oldRing);
  await db.insert(searchLog).values([
    { query: `sql ${n}`, searchType: "skill", pseudonym: current.pseudonym, keyId: current.keyId },
    { query: `old search ${n}`, searchType: "role", pseudonym: old.pseudonym, keyId: old.keyId },
  ]);
  await db.insert(profileEvents).values([
    { kind: "skill_added", conceptId: concept.id, pseudonym: current.pseudonym, keyId: current.keyId },
    { kind: "role_added", conceptId: null, pseudonym: old.pseudonym, keyId: old.keyId },
  ]);
  return { user, concept, skill, experience: exp };
}
