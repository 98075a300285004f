import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { createTestDb, type TestDb } from "@tests/helpers/db";

const jar = new Map<string, string>();
let t: TestDb;

vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined) }),
}));
vi.mock("@/server/db", () => ({ getDb: async () => t.db }));
vi.mock("@/server/auth/local", async () => {
  const { verifySession, sessionCookie } = await import("@/server/auth/local-session");
  return {
    localAuthSecret: () => "session-test-secret-0123456789",
    localAuth: {
      name: "local",
      identify: async () => {
        const userId = await verifySession(jar.get(sessionCookie), "session-test-secret-0123456789");
        return userId ? { provider: "local", userId } : null;
      },
    },
  };
});

const { signSession, sessionCookie } = await import("@/server/auth/local-session");
const { seedDemoUsers } = await import("@/server/seed/demo-users");
const { findUserByEmail } = await import("@/server/users/queries");
const session = await import("@/server/auth/session");

async function signInAs(email: string) {
  const user = await findUserByEmail(t.db, email);
  if (!user) throw new Error(`no demo user ${email}`);
  jar.set(sessionCookie, await signSession(user.id, "session-test-secret-0123456789"));
  return user;
}

beforeAll(async () => {
  t = await createTestDb();
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
    jar.set(sessionCookie, await signSession("00000000-0000-4000-8000-000000000000", "session-test-secret-0123456789"));
    expect(await session.getSessionUser()).toBeNull();
  });
});
