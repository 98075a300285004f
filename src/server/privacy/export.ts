import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import {
  concepts,
  conceptLabels,
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
import { AppError } from "@/server/errors";
import type { Keyring } from "@/server/pseudonym";
import { exportV1, type ExportV1 } from "./export-schema";
import { pseudonymsOf } from "./pseudonyms";

/**
 * Which export key holds each table that carries a user_id or pseudonym column. The completeness
 * test introspects the database: a new table with either column that is missing here fails it.
 */
export const exportCoverage = {
  users: "account",
  profiles: "profile",
  user_skills: "skills",
  user_roles: "roles",
  experiences: "experiences",
  educations: "educations",
  consent_events: "consents",
  login_events: "loginEvents",
  page_view_counters: "pageViews",
  policy_acknowledgements: "policyAcknowledgements",
  dismissed_suggestions: "dismissedSuggestions",
  mail_outbox: "mailOutbox",
  search_log: "searchHistory",
  profile_events: "profileEvents",
} as const satisfies Record<string, keyof ExportV1>;

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

async function conceptLookup(db: Db, ids: (string | null)[], locale: "nb" | "en") {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  const byId = new Map<string, { uri: string; label: string | null }>();
  if (wanted.length === 0) return (id: string | null) => ({ conceptId: id, conceptUri: null, label: null });
  const rows = await db
    .select({ id: concepts.id, uri: concepts.uri, lang: conceptLabels.lang, label: conceptLabels.label })
    .from(concepts)
    .leftJoin(conceptLabels, and(eq(conceptLabels.conceptId, concepts.id), eq(conceptLabels.labelKind, "preferred")))
    .where(inArray(concepts.id, wanted));
  for (const r of rows) {
    const prev = byId.get(r.id);
    if (!prev || (prev.label === null && r.label) || (r.lang === locale && r.label)) byId.set(r.id, { uri: r.uri, label: r.label ?? prev?.label ?? null });
  }
  return (id: string | null) => {
    const hit = id ? byId.get(id) : undefined;
    return { conceptId: id, conceptUri: hit?.uri ?? null, label: hit?.label ?? null };
  };
}

/** Everything we hold about one user, shaped and validated as export version 1. */
export async function exportUserData(db: Db, p: { userId: string; ring?: Keyring; now?: Date }): Promise<ExportV1> {
  // One snapshot for every read: an erasure committing halfway through must not give a half export.
  return db.transaction((tx) => readExport(tx as unknown as Db, p), { isolationLevel: "repeatable read", accessMode: "read only" });
}

async function readExport(db: Db, p: { userId: string; ring?: Keyring; now?: Date }): Promise<ExportV1> {
  const [user] = await db.select().from(users).where(eq(users.id, p.userId)).limit(1);
  if (!user) throw new AppError("not_found", "No such user");
  const uid = p.userId;
  const pseudonyms = pseudonymsOf(uid, p.ring);

  const [profile] = await db.select().from(profiles).where(eq(profiles.userId, uid)).limit(1);
  const skills = await db.select().from(userSkills).where(eq(userSkills.userId, uid)).orderBy(asc(userSkills.createdAt));
  const roles = await db.select().from(userRoles).where(eq(userRoles.userId, uid)).orderBy(asc(userRoles.createdAt));
  const exps = await db.select().from(experiences).where(eq(experiences.userId, uid)).orderBy(asc(experiences.startDate));
  const used = await db
    .select({ experienceId: experienceSkills.experienceId, userSkillId: experienceSkills.userSkillId })
    .from(experienceSkills)
    .innerJoin(experiences, eq(experiences.id, experienceSkills.experienceId))
    .where(eq(experiences.userId, uid));
  const edus = await db.select().from(educations).where(eq(educations.userId, uid)).orderBy(asc(educations.startDate));
  const consents = await db.select().from(consentEvents).where(eq(consentEvents.userId, uid)).orderBy(asc(consentEvents.id));
  const logins = await db.select().from(loginEvents).where(eq(loginEvents.userId, uid)).orderBy(asc(loginEvents.occurredAt));
  const views = await db.select().from(pageViewCounters).where(eq(pageViewCounters.userId, uid)).orderBy(asc(pageViewCounters.day));
  const acks = await db
    .select({ version: policyVersions.version, acknowledgedAt: policyAcknowledgements.acknowledgedAt })
    .from(policyAcknowledgements)
    .innerJoin(policyVersions, eq(policyVersions.id, policyAcknowledgements.policyVersionId))
    .where(eq(policyAcknowledgements.userId, uid));
  const dismissed = await db.select().from(dismissedSuggestions).where(eq(dismissedSuggestions.userId, uid));
  const mail = await db.select().from(mailOutbox).where(eq(mailOutbox.userId, uid)).orderBy(asc(mailOutbox.id));
  const searches = await db.select().from(searchLog).where(inArray(searchLog.pseudonym, pseudonyms)).orderBy(asc(searchLog.occurredAt));
  const events = await db.select().from(profileEvents).where(inArray(profileEvents.pseudonym, pseudonyms)).orderBy(asc(profileEvents.occurredAt));

  const concept = await conceptLookup(db, [...skills.map((s) => s.conceptId), ...roles.map((r) => r.conceptId), ...dismissed.map((d) => d.conceptId)], user.locale);
  const skillLabel = new Map(skills.map((s) => [s.id, s.customLabel ?? concept(s.conceptId).label]));

  return exportV1.parse({
    schemaVersion: 1,
    generatedAt: iso(p.now ?? new Date()),
    account: {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      locale: user.locale,
      clerkId: user.clerkId,
      createdAt: iso(user.createdAt),
      updatedAt: iso(user.updatedAt),
    },
    processing: {
      restricted: user.restrictedAt !== null,
      restrictedAt: isoOrNull(user.restrictedAt),
      objected: user.objectedAt !== null,
      objectedAt: isoOrNull(user.objectedAt),
    },
    profile: profile
      ? {
          fullName: profile.fullName,
          email: profile.email,
          addressLine: profile.addressLine,
          postalCode: profile.postalCode,
          city: profile.city,
          country: profile.country,
          phone: profile.phone,
          preferredLanguage: profile.preferredLanguage,
          avatarKey: profile.avatarKey,
          avatarStorage: profile.avatarStorage,
          updatedAt: iso(profile.updatedAt),
        }
      : null,
    avatarUrl: profile?.avatarUrl ?? null,
    skills: skills.map((s) => ({ id: s.id, ...concept(s.conceptId), customLabel: s.customLabel, level: s.level, createdAt: iso(s.createdAt) })),
    roles: roles.map((r) => ({ id: r.id, kind: r.kind, ...concept(r.conceptId), customLabel: r.customLabel, createdAt: iso(r.createdAt) })),
    experiences: exps.map((e) => ({
      id: e.id,
      title: e.title,
      organisation: e.organisation,
      startDate: e.startDate,
      endDate: e.endDate,
      description: e.description,
      roleConceptId: e.roleConceptId,
      skillsUsed: used.filter((u) => u.experienceId === e.id).map((u) => ({ userSkillId: u.userSkillId, label: skillLabel.get(u.userSkillId) ?? null })),
      createdAt: iso(e.createdAt),
    })),
    educations: edus.map((e) => ({
      id: e.id,
      institution: e.institution,
      qualification: e.qualification,
      level: e.level,
      field: e.field,
      startDate: e.startDate,
      endDate: e.endDate,
      createdAt: iso(e.createdAt),
    })),
    consents: consents.map((c) => ({ purpose: c.purpose, granted: c.granted, occurredAt: iso(c.occurredAt), policyVersion: c.policyVersion, source: c.source })),
    loginEvents: logins.map((l) => ({ occurredAt: iso(l.occurredAt), method: l.method })),
    pageViews: views.map((v) => ({ day: v.day, route: v.route, count: v.count })),
    policyAcknowledgements: acks.map((a) => ({ version: a.version, acknowledgedAt: iso(a.acknowledgedAt) })),
    dismissedSuggestions: dismissed.map((d) => ({ ...concept(d.conceptId), dismissedAt: iso(d.dismissedAt) })),
    mailOutbox: mail.map((m) => ({ template: m.template, toAddress: m.toAddress, payload: m.payload, createdAt: iso(m.createdAt), sentAt: isoOrNull(m.sentAt) })),
    searchHistory: searches.map((s) => ({ occurredAt: iso(s.occurredAt), query: s.query, searchType: s.searchType, resolvedConceptId: s.resolvedConceptId, keyId: s.keyId })),
    profileEvents: events.map((e) => ({ occurredAt: iso(e.occurredAt), kind: e.kind, conceptId: e.conceptId, keyId: e.keyId })),
  });
}
