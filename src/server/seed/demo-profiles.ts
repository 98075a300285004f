// Realistic profiles for the demo users, so /profile and matching have something to show.
import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { queryRows } from "@/server/db/rows";
import { concepts, educations, experiences, experienceSkills, profiles, userRoles, userSkills, users } from "@/server/db/schema";

type DemoSkill = { slug: string; level: number | null } | { custom: string; level: number | null };
type DemoExperience = {
  title: string;
  organisation: string;
  startDate: string;
  endDate: string | null;
  description: string;
  roleSlug?: string;
  /** Skill slugs (or custom labels) from the same profile. */
  skills: string[];
};
type DemoProfile = {
  email: string;
  contact: { fullName: string; addressLine: string; postalCode: string; city: string; country: string; phone: string; preferredLanguage: "nb" | "en" };
  skills: DemoSkill[];
  currentRoles: string[];
  targetRoles: string[];
  experiences: DemoExperience[];
  educations: { institution: string; qualification: string; level: string; field: string; startDate: string; endDate: string | null }[];
};

export const demoProfiles: DemoProfile[] = [
  {
    email: "kari@evne.local",
    contact: { fullName: "Kari Nordmann", addressLine: "Kong Oscars gate 12", postalCode: "5017", city: "Bergen", country: "Norge", phone: "+4791234567", preferredLanguage: "nb" },
    skills: [
      { slug: "typescript", level: 5 },
      { slug: "javascript", level: 5 },
      { slug: "react", level: 4 },
      { slug: "nextjs", level: 4 },
      { slug: "nodejs", level: 3 },
      { slug: "sql", level: 3 },
      { slug: "api-design", level: 3 },
      { slug: "accessibility", level: 4 },
      { slug: "git", level: 4 },
      { slug: "agile", level: 3 },
      { slug: "communication", level: 4 },
      { slug: "docker", level: null },
      { custom: "Universell utforming i offentlige tjenester", level: 4 },
    ],
    currentRoles: ["frontend-developer"],
    targetRoles: ["fullstack-developer", "cloud-architect"],
    experiences: [
      {
        title: "Frontendutvikler",
        organisation: "Fjordkraft Digital AS",
        startDate: "2021-03-01",
        endDate: null,
        description: "Utvikler kundeportalen i React og Next.js. Leder arbeidet med universell utforming og har fått portalen fra 60 til 98 i Lighthouse-tilgjengelighet.",
        roleSlug: "frontend-developer",
        skills: ["typescript", "react", "nextjs", "accessibility", "Universell utforming i offentlige tjenester"],
      },
      {
        title: "Juniorutvikler",
        organisation: "Bergen kommune",
        startDate: "2018-08-01",
        endDate: "2021-02-28",
        description: "Vedlikeholdt skjemaløsninger for innbyggertjenester og skrev integrasjoner mot fagsystemer.",
        roleSlug: "software-developer",
        skills: ["javascript", "nodejs", "sql", "git"],
      },
    ],
    educations: [
      { institution: "Universitetet i Bergen", qualification: "Bachelor i datateknologi", level: "Bachelor", field: "Informatikk", startDate: "2015-08-15", endDate: "2018-06-15" },
    ],
  },
  {
    email: "ola@evne.local",
    contact: { fullName: "Ola Hansen", addressLine: "Storgata 45", postalCode: "9008", city: "Tromsø", country: "Norge", phone: "+4798765432", preferredLanguage: "nb" },
    skills: [
      { slug: "nursing", level: 4 },
      { slug: "medication-administration", level: 5 },
      { slug: "wound-care", level: 4 },
      { slug: "geriatric-care", level: 4 },
      { slug: "dementia-care", level: 3 },
      { slug: "infection-control", level: 4 },
      { slug: "patient-records", level: 3 },
      { slug: "vital-signs", level: 5 },
      { slug: "patient-communication", level: 4 },
      { slug: "teamwork", level: 4 },
      { slug: "first-aid", level: null },
      { custom: "Veiledning av sykepleierstudenter", level: 3 },
    ],
    currentRoles: ["registered-nurse"],
    targetRoles: ["specialist-nurse"],
    experiences: [
      {
        title: "Sykepleier",
        organisation: "Universitetssykehuset Nord-Norge",
        startDate: "2016-08-01",
        endDate: null,
        description: "Sykepleier ved medisinsk sengepost. Ansvar for legemiddelhåndtering på vakt og veiledning av studenter i praksis.",
        roleSlug: "registered-nurse",
        skills: ["nursing", "medication-administration", "vital-signs", "Veiledning av sykepleierstudenter"],
      },
      {
        title: "Helsefagarbeider",
        organisation: "Kroken sykehjem",
        startDate: "2011-06-01",
        endDate: "2013-07-31",
        description: "Stell og oppfølging av beboere med demens, i turnus.",
        roleSlug: "healthcare-worker",
        skills: ["geriatric-care", "dementia-care"],
      },
    ],
    educations: [
      { institution: "UiT Norges arktiske universitet", qualification: "Bachelor i sykepleie", level: "Bachelor", field: "Sykepleie", startDate: "2013-08-15", endDate: "2016-06-15" },
      { institution: "Kvaløya videregående skole", qualification: "Fagbrev helsefagarbeider", level: "Fagbrev", field: "Helse- og oppvekstfag", startDate: "2008-08-15", endDate: "2011-06-15" },
    ],
  },
];

/**
 * Gives each demo user their profile once: a user who already has any skills, roles, experience or
 * education is left alone (so edits made in the demo survive restarts). Concepts are looked up by
 * starter URI and skipped if missing; without any starter concepts nothing is written, so a later
 * start (after the taxonomy is in) seeds properly. Writes no profile events: demo statistics come
 * from their own synthetic pseudonyms.
 */
export async function seedDemoProfiles(db: Db): Promise<{ seeded: string[] }> {
  const seeded: string[] = [];
  for (const demo of demoProfiles) {
    const [user] = await db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, demo.email));
    if (!user) continue;
    if (await hasProfileContent(db, user.id)) continue;
    const conceptIds = await conceptIdsFor(db, demo);
    if (conceptIds.size === 0) continue;
    await db.transaction(async (tx) => seedOne(tx as unknown as Db, user.id, demo, conceptIds));
    seeded.push(demo.email);
  }
  return { seeded };
}

async function hasProfileContent(db: Db, userId: string): Promise<boolean> {
  const [row] = await queryRows<{ any: boolean }>(
    db,
    sql`select
      exists(select 1 from ${userSkills} where ${userSkills.userId} = ${userId})
      or exists(select 1 from ${userRoles} where ${userRoles.userId} = ${userId})
      or exists(select 1 from ${experiences} where ${experiences.userId} = ${userId})
      or exists(select 1 from ${educations} where ${educations.userId} = ${userId}) as any`,
  );
  return Boolean(row?.any);
}

/** uri -> concept id for every starter concept this profile names that exists (with the right kind). */
async function conceptIdsFor(db: Db, demo: DemoProfile): Promise<Map<string, string>> {
  const skillUris = demo.skills.flatMap((s) => ("slug" in s ? [`evne:skill/${s.slug}`] : []));
  const roleUris = [...demo.currentRoles, ...demo.targetRoles, ...demo.experiences.flatMap((e) => (e.roleSlug ? [e.roleSlug] : []))].map(
    (slug) => `evne:role/${slug}`,
  );
  const rows = await db
    .select({ id: concepts.id, uri: concepts.uri, kind: concepts.kind })
    .from(concepts)
    .where(inArray(concepts.uri, [...skillUris, ...roleUris]));
  return new Map(rows.filter((r) => r.uri.startsWith(`evne:${r.kind}/`)).map((r) => [r.uri, r.id]));
}

async function seedOne(db: Db, userId: string, demo: DemoProfile, ids: Map<string, string>) {
  await db
    .insert(profiles)
    .values({ userId, email: demo.email, ...demo.contact })
    .onConflictDoUpdate({ target: profiles.userId, set: { ...demo.contact, updatedAt: new Date() } });

  // Skill key (slug or custom label) -> user_skills id, for linking experiences.
  const skillIds = new Map<string, string>();
  for (const s of demo.skills) {
    const key = "slug" in s ? s.slug : s.custom;
    const conceptId = "slug" in s ? ids.get(`evne:skill/${s.slug}`) : undefined;
    if ("slug" in s && !conceptId) continue;
    const [row] = await db
      .insert(userSkills)
      .values({ userId, conceptId: conceptId ?? null, customLabel: "custom" in s ? s.custom : null, level: s.level })
      .onConflictDoNothing()
      .returning({ id: userSkills.id });
    if (row) skillIds.set(key, row.id);
  }

  const roles = [
    ...demo.currentRoles.map((slug) => ({ kind: "current" as const, slug })),
    ...demo.targetRoles.map((slug) => ({ kind: "target" as const, slug })),
  ];
  for (const r of roles) {
    const conceptId = ids.get(`evne:role/${r.slug}`);
    if (conceptId) await db.insert(userRoles).values({ userId, kind: r.kind, conceptId }).onConflictDoNothing();
  }

  for (const e of demo.experiences) {
    const [row] = await db
      .insert(experiences)
      .values({
        userId,
        title: e.title,
        organisation: e.organisation,
        startDate: e.startDate,
        endDate: e.endDate,
        description: e.description,
        roleConceptId: (e.roleSlug && ids.get(`evne:role/${e.roleSlug}`)) || null,
      })
      .returning({ id: experiences.id });
    if (!row) continue;
    const links = e.skills.flatMap((key) => {
      const id = skillIds.get(key);
      return id ? [{ experienceId: row.id, userSkillId: id }] : [];
    });
    if (links.length > 0) await db.insert(experienceSkills).values(links).onConflictDoNothing();
  }

  if (demo.educations.length > 0) await db.insert(educations).values(demo.educations.map((e) => ({ userId, ...e })));
}
