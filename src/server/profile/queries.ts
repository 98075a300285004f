import "server-only";
import { and, asc, desc, eq, getTableName, inArray, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/server/db/client";
import { educations, experiences, experienceSkills, profiles, userRoles, userSkills } from "@/server/db/schema";

export type Lang = "nb" | "en";

/** A concept's preferred label in `lang`, falling back to English, then any language. */
export function conceptLabelSql(conceptId: AnyPgColumn, lang: Lang): SQL<string | null> {
  // Qualified by hand: inside the subquery an unqualified "concept_id" would mean the label's own column.
  const outer = sql`${sql.identifier(getTableName(conceptId.table))}.${sql.identifier(conceptId.name)}`;
  return sql<string | null>`(
    select cl.label from concept_labels cl
    where cl.concept_id = ${outer} and cl.label_kind = 'preferred'
    order by (cl.lang = ${lang}) desc, (cl.lang = 'en') desc, cl.id
    limit 1)`;
}

export type Contact = {
  fullName: string | null;
  email: string | null;
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
  country: string | null;
  phone: string | null;
  preferredLanguage: Lang | null;
  avatarUrl: string | null;
};

export async function getContact(db: Db, p: { userId: string }): Promise<Contact | null> {
  const [row] = await db
    .select({
      fullName: profiles.fullName,
      email: profiles.email,
      addressLine: profiles.addressLine,
      postalCode: profiles.postalCode,
      city: profiles.city,
      country: profiles.country,
      phone: profiles.phone,
      preferredLanguage: profiles.preferredLanguage,
      avatarUrl: profiles.avatarUrl,
    })
    .from(profiles)
    .where(eq(profiles.userId, p.userId));
  return row ?? null;
}

export type SkillItem = { id: string; conceptId: string | null; label: string; custom: boolean; level: number | null };

export async function listSkills(db: Db, p: { userId: string; lang: Lang }): Promise<SkillItem[]> {
  const rows = await db
    .select({
      id: userSkills.id,
      conceptId: userSkills.conceptId,
      customLabel: userSkills.customLabel,
      conceptLabel: conceptLabelSql(userSkills.conceptId, p.lang),
      level: userSkills.level,
    })
    .from(userSkills)
    .where(eq(userSkills.userId, p.userId))
    .orderBy(sql`${userSkills.level} desc nulls last`, asc(userSkills.createdAt));
  return rows.map((r) => ({
    id: r.id,
    conceptId: r.conceptId,
    label: r.customLabel ?? r.conceptLabel ?? "?",
    custom: r.conceptId === null,
    level: r.level,
  }));
}

export type RoleItem = { id: string; kind: "current" | "target"; conceptId: string | null; label: string; custom: boolean };

export async function listRoles(db: Db, p: { userId: string; lang: Lang }): Promise<RoleItem[]> {
  const rows = await db
    .select({
      id: userRoles.id,
      kind: userRoles.kind,
      conceptId: userRoles.conceptId,
      customLabel: userRoles.customLabel,
      conceptLabel: conceptLabelSql(userRoles.conceptId, p.lang),
    })
    .from(userRoles)
    .where(eq(userRoles.userId, p.userId))
    .orderBy(asc(userRoles.createdAt));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    conceptId: r.conceptId,
    label: r.customLabel ?? r.conceptLabel ?? "?",
    custom: r.conceptId === null,
  }));
}

export type ExperienceItem = {
  id: string;
  title: string;
  organisation: string;
  startDate: string;
  endDate: string | null;
  description: string | null;
  roleConceptId: string | null;
  roleLabel: string | null;
  userSkillIds: string[];
};

export async function listExperiences(db: Db, p: { userId: string; lang: Lang }): Promise<ExperienceItem[]> {
  const rows = await db
    .select({
      id: experiences.id,
      title: experiences.title,
      organisation: experiences.organisation,
      startDate: experiences.startDate,
      endDate: experiences.endDate,
      description: experiences.description,
      roleConceptId: experiences.roleConceptId,
      roleLabel: conceptLabelSql(experiences.roleConceptId, p.lang),
    })
    .from(experiences)
    .where(eq(experiences.userId, p.userId))
    // Ongoing first, then the most recent.
    .orderBy(sql`${experiences.endDate} is null desc`, desc(experiences.endDate), desc(experiences.startDate));
  if (rows.length === 0) return [];
  const links = await db
    .select({ experienceId: experienceSkills.experienceId, userSkillId: experienceSkills.userSkillId })
    .from(experienceSkills)
    .innerJoin(userSkills, eq(userSkills.id, experienceSkills.userSkillId))
    .where(and(eq(userSkills.userId, p.userId), inArray(experienceSkills.experienceId, rows.map((r) => r.id))));
  return rows.map((r) => ({ ...r, userSkillIds: links.filter((l) => l.experienceId === r.id).map((l) => l.userSkillId) }));
}

export type EducationItem = {
  id: string;
  institution: string;
  qualification: string;
  level: string | null;
  field: string | null;
  startDate: string;
  endDate: string | null;
};

export async function listEducations(db: Db, p: { userId: string }): Promise<EducationItem[]> {
  return db
    .select({
      id: educations.id,
      institution: educations.institution,
      qualification: educations.qualification,
      level: educations.level,
      field: educations.field,
      startDate: educations.startDate,
      endDate: educations.endDate,
    })
    .from(educations)
    .where(eq(educations.userId, p.userId))
    .orderBy(sql`${educations.endDate} is null desc`, desc(educations.endDate), desc(educations.startDate));
}

export type ProfileView = {
  contact: Contact;
  skills: SkillItem[];
  roles: RoleItem[];
  experiences: ExperienceItem[];
  educations: EducationItem[];
};

const emptyContact: Contact = {
  fullName: null,
  email: null,
  addressLine: null,
  postalCode: null,
  city: null,
  country: null,
  phone: null,
  preferredLanguage: null,
  avatarUrl: null,
};

/** Everything the profile page shows, for one user. */
export async function getProfileView(db: Db, p: { userId: string; lang: Lang }): Promise<ProfileView> {
  const [contact, skills, roles, exps, edus] = await Promise.all([
    getContact(db, p),
    listSkills(db, p),
    listRoles(db, p),
    listExperiences(db, p),
    listEducations(db, p),
  ]);
  return { contact: contact ?? emptyContact, skills, roles, experiences: exps, educations: edus };
}
