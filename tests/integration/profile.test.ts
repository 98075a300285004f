import { eq } from "drizzle-orm";
import { afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import type { z } from "zod";
import { educations, experiences, profileEvents, userRoles, userSkills, users } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { updateContact } from "@/server/profile/contact";
import { createEducation, deleteEducation, updateEducation } from "@/server/profile/education";
import { createExperience, deleteExperience, updateExperience } from "@/server/profile/experience";
import { getContact, getProfileView, listEducations, listExperiences, listRoles, listSkills } from "@/server/profile/queries";
import { addRole, removeRole } from "@/server/profile/roles";
import {
  addRoleInput,
  addSkillInput,
  contactInput,
  educationInput,
  experienceInput,
  latestAllowedDate,
  updateSkillInput,
} from "@/server/profile/schemas";
import { addSkill, removeSkill, updateSkillLevel } from "@/server/profile/skills";
import { installAdapters } from "@/server/adapters";
import { parseKeyring, pseudonymFor } from "@/server/pseudonym";
import { createTestDb, type TestDb } from "@tests/helpers/db";
import { insertTestConcepts, insertTestUser } from "@tests/helpers/profile-fixtures";

let t: TestDb;
let c: Awaited<ReturnType<typeof insertTestConcepts>>;
let a: Awaited<ReturnType<typeof insertTestUser>>;
let b: Awaited<ReturnType<typeof insertTestUser>>;

const ring = parseKeyring("k7:profile-test-secret-0123456789");
beforeAll(() => installAdapters({ keyring: () => ring }));

beforeEach(async () => {
  t = await createTestDb();
  c = await insertTestConcepts(t.db);
  a = await insertTestUser(t.db, "a@example.test");
  b = await insertTestUser(t.db, "b@example.test");
});

afterEach(async () => {
  await t.close();
});

function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  return schema.parse(input);
}

/** Field -> error codes, as the action wrapper reports them. */
function fieldCodes(schema: z.ZodType, input: unknown): Record<string, string[]> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of result.error.issues) (out[issue.path.join(".") || "_"] ??= []).push(issue.message);
  return out;
}

async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

const job = {
  title: "Utvikler",
  organisation: "Acme AS",
  startDate: "2020-01-01",
  endDate: "2023-06-30",
  description: "Bygde ting.",
};
const school = { institution: "NTNU", qualification: "Master i informatikk", level: "Master", field: "Informatikk", startDate: "2014-08-15", endDate: "2019-06-15" };

describe("contact", () => {
  test("is saved, read back, and updated; phone stored as E.164", async () => {
    const input = parse(contactInput, {
      fullName: " Kari Nordmann ",
      email: "Kari@Example.no",
      addressLine: "Storgata 1",
      postalCode: "0155",
      city: "Oslo",
      country: "Norge",
      phone: "912 34 567",
      preferredLanguage: "en",
    });
    await updateContact(t.db, { userId: a.id, input });
    expect(await getContact(t.db, { userId: a.id })).toMatchObject({
      fullName: "Kari Nordmann",
      email: "kari@example.no",
      phone: "+4791234567",
      preferredLanguage: "en",
      city: "Oslo",
    });
    const [account] = await t.db.select({ displayName: users.displayName }).from(users).where(eq(users.id, a.id));
    expect(account?.displayName).toBe("Kari Nordmann"); // the header greets by the new name
    await updateContact(t.db, { userId: a.id, input: parse(contactInput, { ...input, phone: "+47 912 34 568", city: "" }) });
    expect(await getContact(t.db, { userId: a.id })).toMatchObject({ phone: "+4791234568", city: null });
    expect(await getContact(t.db, { userId: b.id })).toBeNull();
  });

  test("bad e-mail, bad phone, over-long text and unknown language are field errors", () => {
    expect(fieldCodes(contactInput, { email: "not-an-email" })).toEqual({ email: ["invalid_email"] });
    expect(fieldCodes(contactInput, { phone: "12345" })).toEqual({ phone: ["invalid_phone"] });
    expect(fieldCodes(contactInput, { phone: "+47 1234" })).toEqual({ phone: ["invalid_phone"] });
    expect(fieldCodes(contactInput, { fullName: "x".repeat(121) })).toEqual({ fullName: ["too_long"] });
    expect(fieldCodes(contactInput, { preferredLanguage: "de" })).toHaveProperty("preferredLanguage");
    expect(parse(contactInput, { phone: "+46 70 123 45 67" }).phone).toBe("+46701234567");
    expect(parse(contactInput, { phone: "0047 91234567" }).phone).toBe("+4791234567");
    expect(parse(contactInput, { phone: "47 912 34 567" }).phone).toBe("+4791234567");
    expect(parse(contactInput, { phone: "(+47) 22-33-44-55" }).phone).toBe("+4722334455");
  });
});

describe("skills", () => {
  test("taxonomy and custom skills: add, read, change level, remove", async () => {
    const ts = await addSkill(t.db, { actor: a, input: parse(addSkillInput, { conceptId: c.ts, level: 4 }) });
    const custom = await addSkill(t.db, { actor: a, input: parse(addSkillInput, { customLabel: "  Kubernetes-drift ", level: null }) });
    expect(custom).toMatchObject({ conceptId: null, customLabel: "Kubernetes-drift", level: null });

    let skills = await listSkills(t.db, { userId: a.id, lang: "nb" });
    expect(skills.map((s) => [s.label, s.custom, s.level])).toEqual([
      ["TypeScript", false, 4],
      ["Kubernetes-drift", true, null],
    ]);

    expect(await updateSkillLevel(t.db, { userId: a.id, id: custom.id, level: 2 })).toEqual({ id: custom.id, level: 2 });
    expect(await updateSkillLevel(t.db, { userId: a.id, id: ts.id, level: null })).toEqual({ id: ts.id, level: null });
    skills = await listSkills(t.db, { userId: a.id, lang: "en" });
    expect(skills.find((s) => s.id === custom.id)?.level).toBe(2);

    expect(await removeSkill(t.db, { userId: a.id, id: ts.id })).toEqual({ id: ts.id });
    expect((await listSkills(t.db, { userId: a.id, lang: "nb" })).map((s) => s.label)).toEqual(["Kubernetes-drift"]);
  });

  test("labels follow the language", async () => {
    await addSkill(t.db, { actor: a, input: parse(addSkillInput, { conceptId: c.welding }) });
    expect((await listSkills(t.db, { userId: a.id, lang: "nb" }))[0]?.label).toBe("sveising");
    expect((await listSkills(t.db, { userId: a.id, lang: "en" }))[0]?.label).toBe("welding");
  });

  test("the same concept or custom label twice is a clear conflict", async () => {
    await addSkill(t.db, { actor: a, input: parse(addSkillInput, { conceptId: c.ts }) });
    const dup = await appErrorOf(addSkill(t.db, { actor: a, input: parse(addSkillInput, { conceptId: c.ts, level: 3 }) }));
    expect(dup.code).toBe("conflict");
    expect(dup.details?.fieldErrors).toEqual({ skill: ["duplicate_skill"] });
    await addSkill(t.db, { actor: a, input: parse(addSkillInput, { customLabel: "Sjøkart" }) });
    expect((await appErrorOf(addSkill(t.db, { actor: a, input: parse(addSkillInput, { customLabel: "SJØKART" }) }))).code).toBe("conflict");
    // Another user may have the same skill.
    await expect(addSkill(t.db, { actor: b, input: parse(addSkillInput, { conceptId: c.ts }) })).resolves.toMatchObject({ conceptId: c.ts });
  });

  test("unknown taxonomy id and a role id used as a skill are field errors", async () => {
    const unknown = await appErrorOf(
      addSkill(t.db, { actor: a, input: parse(addSkillInput, { conceptId: "7f0c1d2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f" }) }),
    );
    expect(unknown.details?.fieldErrors).toEqual({ conceptId: ["unknown_skill_concept"] });
    const roleAsSkill = await appErrorOf(addSkill(t.db, { actor: a, input: parse(addSkillInput, { conceptId: c.developer }) }));
    expect(roleAsSkill.details?.fieldErrors).toEqual({ conceptId: ["unknown_skill_concept"] });
    expect(await t.db.select().from(userSkills)).toHaveLength(0);
  });

  test("level 0, 6 and 2.5 are rejected; empty level is allowed", () => {
    expect(fieldCodes(addSkillInput, { conceptId: c.ts, level: 0 })).toEqual({ level: ["invalid_level"] });
    expect(fieldCodes(addSkillInput, { conceptId: c.ts, level: 6 })).toEqual({ level: ["invalid_level"] });
    expect(fieldCodes(addSkillInput, { conceptId: c.ts, level: 2.5 })).toEqual({ level: ["invalid_level"] });
    expect(fieldCodes(updateSkillInput, { id: c.ts, level: 6 })).toEqual({ level: ["invalid_level"] });
    expect(parse(addSkillInput, { conceptId: c.ts, level: null }).level).toBeNull();
    expect(fieldCodes(addSkillInput, { customLabel: "x".repeat(101) })).toEqual({ customLabel: ["too_long"] });
    expect(fieldCodes(addSkillInput, {})).toEqual({ customLabel: ["required"] });
    expect(fieldCodes(addSkillInput, { conceptId: "not-a-uuid" })).toHaveProperty("conceptId");
  });

  test("adding a taxonomy skill or role writes a pseudonymous event; custom ones and restricted or objecting users do not", async () => {
    await addSkill(t.db, { actor: a, input: parse(addSkillInput, { conceptId: c.ts }) });
    await addSkill(t.db, { actor: a, input: parse(addSkillInput, { customLabel: "Fritekst som aldri skal logges" }) });
    await addRole(t.db, { actor: a, input: parse(addRoleInput, { kind: "target", conceptId: c.developer }) });
    const restricted = await insertTestUser(t.db, "r@example.test", { restricted: true });
    const objected = await insertTestUser(t.db, "o@example.test", { objected: true });
    await addSkill(t.db, { actor: restricted, input: parse(addSkillInput, { conceptId: c.ts }) });
    await addRole(t.db, { actor: objected, input: parse(addRoleInput, { kind: "current", conceptId: c.developer }) });

    const events = await t.db.select().from(profileEvents).orderBy(profileEvents.id);
    const expected = pseudonymFor(a.id, ring);
    expect(events.map((e) => ({ kind: e.kind, conceptId: e.conceptId, pseudonym: e.pseudonym, keyId: e.keyId }))).toEqual([
      { kind: "skill_added", conceptId: c.ts, ...expected },
      { kind: "role_added", conceptId: c.developer, ...expected },
    ]);
    expect(expected.keyId).toBe("k7");
    expect(JSON.stringify(events)).not.toContain(a.id);
    expect(JSON.stringify(events)).not.toContain("Fritekst");
  });
});

describe("roles and goals", () => {
  test("current and target roles from the list or custom: add, read, remove", async () => {
    const current = await addRole(t.db, { actor: a, input: parse(addRoleInput, { kind: "current", conceptId: c.developer }) });
    const target = await addRole(t.db, { actor: a, input: parse(addRoleInput, { kind: "target", customLabel: "Teknisk leder" }) });
    // The same concept may be both current and target.
    await addRole(t.db, { actor: a, input: parse(addRoleInput, { kind: "target", conceptId: c.developer }) });
    const roles = await listRoles(t.db, { userId: a.id, lang: "nb" });
    expect(roles.map((r) => [r.kind, r.label, r.custom])).toEqual([
      ["current", "programvareutvikler", false],
      ["target", "Teknisk leder", true],
      ["target", "programvareutvikler", false],
    ]);
    const dup = await appErrorOf(addRole(t.db, { actor: a, input: parse(addRoleInput, { kind: "current", conceptId: c.developer }) }));
    expect(dup.details?.fieldErrors).toEqual({ role: ["duplicate_role"] });
    expect(await removeRole(t.db, { userId: a.id, id: current.id })).toEqual({ id: current.id });
    expect(await removeRole(t.db, { userId: a.id, id: target.id })).toEqual({ id: target.id });
    expect(await listRoles(t.db, { userId: a.id, lang: "nb" })).toHaveLength(1);
  });

  test("a skill id used as a role is a field error", async () => {
    const error = await appErrorOf(addRole(t.db, { actor: a, input: parse(addRoleInput, { kind: "target", conceptId: c.ts }) }));
    expect(error.details?.fieldErrors).toEqual({ conceptId: ["unknown_role_concept"] });
    expect(fieldCodes(addRoleInput, { kind: "someday", customLabel: "x" })).toHaveProperty("kind");
  });
});

describe("experience", () => {
  test("create, read, update (incl. ongoing and skills used), delete", async () => {
    const skill = await addSkill(t.db, { actor: a, input: parse(addSkillInput, { conceptId: c.ts }) });
    const other = await addSkill(t.db, { actor: a, input: parse(addSkillInput, { customLabel: "Mentoring" }) });
    const row = await createExperience(t.db, {
      userId: a.id,
      input: parse(experienceInput, { ...job, roleConceptId: c.developer, userSkillIds: [skill.id] }),
    });
    let list = await listExperiences(t.db, { userId: a.id, lang: "en" });
    expect(list).toEqual([
      expect.objectContaining({ id: row.id, title: "Utvikler", startDate: "2020-01-01", endDate: "2023-06-30", roleLabel: "software developer", userSkillIds: [skill.id] }),
    ]);

    const updated = await updateExperience(t.db, {
      userId: a.id,
      id: row.id,
      input: parse(experienceInput, { ...job, title: "Seniorutvikler", endDate: "", userSkillIds: [other.id, skill.id] }),
    });
    expect(updated).toEqual({ id: row.id });
    list = await listExperiences(t.db, { userId: a.id, lang: "en" });
    expect(list[0]).toMatchObject({ title: "Seniorutvikler", endDate: null, roleConceptId: null });
    expect(list[0]?.userSkillIds.toSorted()).toEqual([other.id, skill.id].toSorted());

    // Removing a skill unlinks it from the experience.
    await removeSkill(t.db, { userId: a.id, id: other.id });
    expect((await listExperiences(t.db, { userId: a.id, lang: "en" }))[0]?.userSkillIds).toEqual([skill.id]);

    expect(await deleteExperience(t.db, { userId: a.id, id: row.id })).toEqual({ id: row.id });
    expect(await listExperiences(t.db, { userId: a.id, lang: "en" })).toEqual([]);
  });

  test("skills used must be the user's own; the linked role must be a role", async () => {
    const bSkill = await addSkill(t.db, { actor: b, input: parse(addSkillInput, { conceptId: c.ts }) });
    const foreign = await appErrorOf(createExperience(t.db, { userId: a.id, input: parse(experienceInput, { ...job, userSkillIds: [bSkill.id] }) }));
    expect(foreign.details?.fieldErrors).toEqual({ userSkillIds: ["unknown_user_skill"] });
    const badRole = await appErrorOf(createExperience(t.db, { userId: a.id, input: parse(experienceInput, { ...job, roleConceptId: c.ts }) }));
    expect(badRole.details?.fieldErrors).toEqual({ roleConceptId: ["unknown_role_concept"] });
    expect(await t.db.select().from(experiences)).toHaveLength(0);
  });

  test("invalid input: over-long, end before start, far future, missing, not a date", () => {
    expect(fieldCodes(experienceInput, { ...job, title: "x".repeat(151) })).toEqual({ title: ["too_long"] });
    expect(fieldCodes(experienceInput, { ...job, description: "x".repeat(4001) })).toEqual({ description: ["too_long"] });
    expect(fieldCodes(experienceInput, { ...job, startDate: "2023-01-01", endDate: "2022-12-31" })).toEqual({ endDate: ["end_before_start"] });
    expect(fieldCodes(experienceInput, { ...job, startDate: "2205-01-01", endDate: "" })).toEqual({ startDate: ["date_too_far_ahead"] });
    const tooFar = new Date(`${latestAllowedDate()}T00:00:00Z`);
    tooFar.setUTCDate(tooFar.getUTCDate() + 1);
    expect(fieldCodes(experienceInput, { ...job, endDate: tooFar.toISOString().slice(0, 10) })).toEqual({ endDate: ["date_too_far_ahead"] });
    expect(fieldCodes(experienceInput, { ...job, endDate: latestAllowedDate() })).toEqual({});
    expect(fieldCodes(experienceInput, { ...job, title: "  " })).toEqual({ title: ["required"] });
    expect(fieldCodes(experienceInput, { ...job, startDate: "2023-02-30" })).toEqual({ startDate: ["invalid_date"] });
    expect(parse(experienceInput, { ...job, startDate: "2021-03", endDate: "2021-04" })).toMatchObject({ startDate: "2021-03-01", endDate: "2021-04-01" });
  });
});

describe("education", () => {
  test("create, read, update, delete", async () => {
    const row = await createEducation(t.db, { userId: a.id, input: parse(educationInput, school) });
    expect(await listEducations(t.db, { userId: a.id })).toEqual([{ id: row.id, ...school }]);
    await updateEducation(t.db, { userId: a.id, id: row.id, input: parse(educationInput, { ...school, level: "", endDate: null }) });
    expect((await listEducations(t.db, { userId: a.id }))[0]).toMatchObject({ level: null, endDate: null });
    expect(await deleteEducation(t.db, { userId: a.id, id: row.id })).toEqual({ id: row.id });
    expect(await listEducations(t.db, { userId: a.id })).toEqual([]);
  });

  test("invalid input is rejected with field errors", () => {
    expect(fieldCodes(educationInput, { ...school, institution: "x".repeat(151) })).toEqual({ institution: ["too_long"] });
    expect(fieldCodes(educationInput, { ...school, endDate: "2010-01-01" })).toEqual({ endDate: ["end_before_start"] });
    expect(fieldCodes(educationInput, { ...school, startDate: "3000-01-01", endDate: "" })).toEqual({ startDate: ["date_too_far_ahead"] });
    expect(fieldCodes(educationInput, { ...school, qualification: "" })).toEqual({ qualification: ["required"] });
  });
});

describe("another user's records", () => {
  test("cannot be read, changed or deleted by id", async () => {
    const skill = await addSkill(t.db, { actor: a, input: parse(addSkillInput, { conceptId: c.ts, level: 3 }) });
    const role = await addRole(t.db, { actor: a, input: parse(addRoleInput, { kind: "target", conceptId: c.developer }) });
    const exp = await createExperience(t.db, { userId: a.id, input: parse(experienceInput, { ...job, userSkillIds: [skill.id] }) });
    const edu = await createEducation(t.db, { userId: a.id, input: parse(educationInput, school) });
    const before = await getProfileView(t.db, { userId: a.id, lang: "nb" });

    // b reads: sees nothing of a's.
    const bView = await getProfileView(t.db, { userId: b.id, lang: "nb" });
    expect([bView.skills, bView.roles, bView.experiences, bView.educations]).toEqual([[], [], [], []]);

    // b changes and deletes a's rows by id: every mutation says not found (null) and changes nothing.
    expect(await updateSkillLevel(t.db, { userId: b.id, id: skill.id, level: 1 })).toBeNull();
    expect(await removeSkill(t.db, { userId: b.id, id: skill.id })).toBeNull();
    expect(await removeRole(t.db, { userId: b.id, id: role.id })).toBeNull();
    expect(await updateExperience(t.db, { userId: b.id, id: exp.id, input: parse(experienceInput, { ...job, title: "Hacked" }) })).toBeNull();
    expect(await deleteExperience(t.db, { userId: b.id, id: exp.id })).toBeNull();
    expect(await updateEducation(t.db, { userId: b.id, id: edu.id, input: parse(educationInput, { ...school, institution: "Hacked" }) })).toBeNull();
    expect(await deleteEducation(t.db, { userId: b.id, id: edu.id })).toBeNull();
    // b cannot link a's skill to b's own experience either.
    const link = await appErrorOf(createExperience(t.db, { userId: b.id, input: parse(experienceInput, { ...job, userSkillIds: [skill.id] }) }));
    expect(link.code).toBe("bad_request");

    expect(await getProfileView(t.db, { userId: a.id, lang: "nb" })).toEqual(before);
    expect(await t.db.select().from(userSkills).where(eq(userSkills.userId, b.id))).toHaveLength(0);
    expect(await t.db.select().from(userRoles).where(eq(userRoles.userId, b.id))).toHaveLength(0);
    expect(await t.db.select().from(educations).where(eq(educations.userId, b.id))).toHaveLength(0);
  });
});
