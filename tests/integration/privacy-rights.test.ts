import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDb, type TestDb } from "@tests/helpers/db";
import { rowsLeftFor, testRing, userWithEverything } from "@tests/helpers/privacy";
import { consentEvents, users } from "@/server/db/schema";
import { currentConsents, recordConsent } from "@/server/privacy/consent";
import { consentCookieValue, parseConsentCookie } from "@/components/consent/consent-cookie";
import { exportUserData } from "@/server/privacy/export";
import { setObjected, setRestricted } from "@/server/privacy/flags";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.close());

describe("restriction and objection", () => {
  test("restriction is set and cleared; data is kept and exportable meanwhile", async () => {
    const { user } = await userWithEverything(t.db);
    const at = new Date("2026-11-24T09:00:00Z");
    expect(await setRestricted(t.db, { userId: user.id, restricted: true, now: at })).toEqual({ restrictedAt: at });
    const data = await exportUserData(t.db, { userId: user.id, ring: testRing });
    expect(data.processing).toMatchObject({ restricted: true, restrictedAt: at.toISOString() });
    expect(data.skills).toHaveLength(1);
    expect(data.searchHistory).toHaveLength(2);
    await setRestricted(t.db, { userId: user.id, restricted: false });
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.restrictedAt).toBeNull();
  });

  test("objection removes the user's not-yet-rolled-up statistics rows only, and can be withdrawn", async () => {
    const { user } = await userWithEverything(t.db);
    const other = await userWithEverything(t.db);
    await setObjected(t.db, { userId: user.id, objected: true, ring: testRing });
    const left = await rowsLeftFor(t.db, user.id, testRing);
    expect(left["search_log.pseudonym"]).toBeUndefined();
    expect(left["profile_events.pseudonym"]).toBeUndefined();
    expect(left["user_skills.user_id"]).toBe(1); // the profile itself stays
    expect((await rowsLeftFor(t.db, other.user.id, testRing))["search_log.pseudonym"]).toBe(2);
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.objectedAt).toBeInstanceOf(Date);
    await setObjected(t.db, { userId: user.id, objected: false });
    const [after] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(after?.objectedAt).toBeNull();
  });
});

describe("consent ledger", () => {
  test("every grant and withdrawal is its own row with purpose, time, policy version and source", async () => {
    const { user } = await userWithEverything(t.db);
    await t.db.delete(consentEvents).where(eq(consentEvents.userId, user.id));
    const base = { userId: user.id, policyVersion: "1.0" };
    expect(await recordConsent(t.db, { ...base, purpose: "analytics", granted: true, source: "cookie_banner" })).toEqual({ recorded: true });
    expect(await recordConsent(t.db, { ...base, purpose: "analytics", granted: true, source: "cookie_banner" })).toEqual({ recorded: false });
    expect(await recordConsent(t.db, { ...base, purpose: "marketing_email", granted: true, source: "settings" })).toEqual({ recorded: true });
    expect(await recordConsent(t.db, { ...base, purpose: "analytics", granted: false, source: "settings" })).toEqual({ recorded: true });
    const rows = await t.db.select().from(consentEvents).where(eq(consentEvents.userId, user.id)).orderBy(consentEvents.id);
    expect(rows.map((r) => [r.purpose, r.granted, r.source, r.policyVersion])).toEqual([
      ["analytics", true, "cookie_banner", "1.0"],
      ["marketing_email", true, "settings", "1.0"],
      ["analytics", false, "settings", "1.0"],
    ]);
    expect(rows.every((r) => r.occurredAt instanceof Date)).toBe(true);
    expect(await currentConsents(t.db, { userId: user.id })).toEqual({ analytics: false, marketing_email: true, newsletter: false });
  });

  test("the consent cookie is versioned; an unknown version means no choice yet", () => {
    expect(parseConsentCookie(consentCookieValue({ analytics: true }))).toEqual({ analytics: true });
    expect(parseConsentCookie(consentCookieValue({ analytics: false }))).toEqual({ analytics: false });
    expect(parseConsentCookie("0.analytics")).toBeNull();
    expect(parseConsentCookie(undefined)).toBeNull();
    expect(parseConsentCookie("garbage")).toBeNull();
  });
});
