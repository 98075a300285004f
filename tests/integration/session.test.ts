import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { createTestDb, type TestDb } from "@tests/helpers/db";
import { parseEnv } from "@/env";
import { installAdapters } from "@/server/adapters";
import { signSession, sessionCookie } from "@/server/auth/local-session";
import { seedDemoUsers } from "@/server/seed/demo-users";
import { findUserByEmail } from "@/server/users/queries";
import * as session from "@/server/context";

const jar = new Map<string, string>();
let t: TestDb;

vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined) }),
}));

const secret = "session-test-secret-0123456789";

async function signInAs(email: string) {
  const user = await findUserByEmail(t.db, email);
  if (!user) throw new Error(`no demo user ${email}`);
  jar.set(sessionCookie, await signSession(user.id, secret));
  return user;
}

beforeAll(async () => {
  t = await createTestDb();
  installAdapters({ db: async () => t.db, config: parseEnv({ NODE_ENV: "test", AUTH_SECRET: secret }) });
  await seedDemoUsers(t.db);
  await seedDemoUsers(t.db); // idempotent
});
afterAll(() => t.close());
beforeEach(() => jar.clear());

describe("who is asking (local mode)", () => {
  test("a signed-out visitor is redirected to sign-in, keeping where they were going", async () => {
    await expect(session.requireUser("/profile")).rejects.toMatchObject({ digest: expect.stringContaining("/sign-in?next=%2Fprofile") });
  });

  test("a signed-in user is found; a non-admin gets 404 for admin pages", async () => {
    const kari = await signInAs("kari@evne.local");
    const user = await session.requireUser();
    expect(user).toMatchObject({ id: kari.id, email: "kari@evne.local", isAdmin: false, restricted: false, objected: false });
    await expect(session.requireAdmin()).rejects.toMatchObject({ digest: expect.stringContaining("404") });
  });

  test("the seeded admin passes requireAdmin", async () => {
    await signInAs("admin@evne.local");
    await expect(session.requireAdmin()).resolves.toMatchObject({ email: "admin@evne.local", isAdmin: true });
  });

  test("a session for a user that no longer exists is signed out", async () => {
    jar.set(sessionCookie, await signSession("00000000-0000-4000-8000-000000000000", secret));
    expect(await session.getSessionUser()).toBeNull();
  });
});
