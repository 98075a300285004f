import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { dbFrom, withTestAdapters } from "@tests/helpers/adapters";
import type { SessionUser } from "@/server/auth/types";
import { createTestDb, type TestDb } from "@tests/helpers/db";
import { insertTestConcepts, insertTestUser } from "@tests/helpers/profile-fixtures";

const state: { user: SessionUser | null; t?: TestDb } = { user: null };
const revalidated: string[] = [];

withTestAdapters(() => ({
  session: async () => state.user,
  db: dbFrom(state),
}));
vi.mock("next/cache", () => ({ revalidatePath: (path: string) => revalidated.push(path) }));

const actions = await import("@/server/profile/actions");

let c: Awaited<ReturnType<typeof insertTestConcepts>>;
let a: SessionUser;
let b: SessionUser;

function asUser(u: { id: string }, email: string): SessionUser {
  return { id: u.id, email, displayName: email, isAdmin: false, locale: "nb", restricted: false, objected: false };
}

beforeEach(async () => {
  vi.stubEnv("SEARCH_LOG_KEY", "k1:profile-actions-secret-0123456789");
  state.t = await createTestDb();
  c = await insertTestConcepts(state.t.db);
  a = asUser(await insertTestUser(state.t.db, "a@example.test"), "a@example.test");
  b = asUser(await insertTestUser(state.t.db, "b@example.test"), "b@example.test");
  revalidated.length = 0;
});

afterEach(async () => {
  await state.t?.close();
  state.user = null;
});

const job = { title: "Utvikler", organisation: "Acme", startDate: "2020-01", endDate: "2021-01" };
const school = { institution: "UiB", qualification: "Bachelor", startDate: "2015-08", endDate: "2018-06" };

describe("profile server actions", () => {
  test("signed-out callers are refused", async () => {
    expect(await actions.addSkillAction({ conceptId: c.ts })).toMatchObject({ ok: false, code: "unauthorized" });
    expect(await actions.saveContactAction({ fullName: "X" })).toMatchObject({ ok: false, code: "unauthorized" });
  });

  test("validation failures come back as field error codes, and nothing is saved", async () => {
    state.user = a;
    expect(await actions.saveContactAction({ email: "nope", phone: "123" })).toEqual({
      ok: false,
      code: "bad_request",
      error: "Invalid input",
      fieldErrors: { email: ["invalid_email"], phone: ["invalid_phone"] },
    });
    expect(await actions.createExperienceAction({ ...job, endDate: "2019-01" })).toMatchObject({ ok: false, fieldErrors: { endDate: ["end_before_start"] } });
    expect(await actions.addSkillAction({ conceptId: c.developer })).toMatchObject({
      ok: false,
      code: "bad_request",
      fieldErrors: { conceptId: ["unknown_skill_concept"] },
    });
    expect(await actions.addSkillAction({ conceptId: c.ts, level: 6 })).toMatchObject({ ok: false, fieldErrors: { level: ["invalid_level"] } });
    expect(revalidated).toEqual([]);
  });

  test("a duplicate skill is a conflict with a clear code", async () => {
    state.user = a;
    expect(await actions.addSkillAction({ conceptId: c.ts, level: 3 })).toMatchObject({ ok: true });
    expect(revalidated).toEqual(["/profile"]);
    expect(await actions.addSkillAction({ conceptId: c.ts })).toMatchObject({ ok: false, code: "conflict", fieldErrors: { skill: ["duplicate_skill"] } });
  });

  test("every mutation on another user's record by id is not_found", async () => {
    state.user = a;
    const skill = await actions.addSkillAction({ conceptId: c.ts, level: 3 });
    const role = await actions.addRoleAction({ kind: "target", conceptId: c.developer });
    const exp = await actions.createExperienceAction(job);
    const edu = await actions.createEducationAction(school);
    if (!skill.ok || !role.ok || !exp.ok || !edu.ok) throw new Error("setup failed");

    state.user = b;
    const notFound = { ok: false, code: "not_found" };
    expect(await actions.updateSkillLevelAction({ id: skill.data.id, level: 1 })).toMatchObject(notFound);
    expect(await actions.removeSkillAction({ id: skill.data.id })).toMatchObject(notFound);
    expect(await actions.removeRoleAction({ id: role.data.id })).toMatchObject(notFound);
    expect(await actions.updateExperienceAction({ id: exp.data.id, ...job, title: "Hacked" })).toMatchObject(notFound);
    expect(await actions.deleteExperienceAction({ id: exp.data.id })).toMatchObject(notFound);
    expect(await actions.updateEducationAction({ id: edu.data.id, ...school, institution: "Hacked" })).toMatchObject(notFound);
    expect(await actions.deleteEducationAction({ id: edu.data.id })).toMatchObject(notFound);

    state.user = a;
    expect(await actions.updateSkillLevelAction({ id: skill.data.id, level: 1 })).toMatchObject({ ok: true, data: { level: 1 } });
    expect(await actions.updateExperienceAction({ id: exp.data.id, ...job, title: "Senior" })).toMatchObject({ ok: true });
    expect(await actions.deleteEducationAction({ id: edu.data.id })).toMatchObject({ ok: true });
    expect(await actions.removeRoleAction({ id: role.data.id })).toMatchObject({ ok: true });
  });

  test("avatar upload refuses a non-image with a field error", async () => {
    state.user = a;
    const form = new FormData();
    form.set("avatar", new File(["just text"], "photo.jpg", { type: "image/jpeg" }));
    expect(await actions.uploadAvatarAction(form)).toMatchObject({ ok: false, code: "unsupported_media_type", fieldErrors: { avatar: ["not_image"] } });
    expect(await actions.uploadAvatarAction(new FormData())).toMatchObject({ ok: false, code: "bad_request", fieldErrors: { avatar: ["file_missing"] } });
  });
});
