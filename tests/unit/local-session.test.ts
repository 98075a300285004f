import { SignJWT } from "jose";
import { describe, expect, test } from "vitest";
import { sessionCookieOptions, signSession, verifySession } from "@/server/auth/local-session";

const secret = "test-secret-that-is-long-enough-1234";
const userId = "5b1f9d3e-8a4c-4c1e-9f3a-2d6b7e8f9a0b";

describe("local session cookie", () => {
  test("round-trips the user id", async () => {
    expect(await verifySession(await signSession(userId, secret), secret)).toBe(userId);
  });

  test("rejects a token signed with another secret, a tampered token, garbage and nothing", async () => {
    const token = await signSession(userId, secret);
    expect(await verifySession(token, "another-secret-that-is-long-enough")).toBeNull();
    expect(await verifySession(token.slice(0, -2) + "xx", secret)).toBeNull();
    expect(await verifySession("not-a-jwt", secret)).toBeNull();
    expect(await verifySession(undefined, secret)).toBeNull();
  });

  test("rejects an expired token and one whose subject is not a user id", async () => {
    const key = new TextEncoder().encode(secret);
    const expired = await new SignJWT({}).setProtectedHeader({ alg: "HS256" }).setSubject(userId).setIssuer("evne-local")
      .setIssuedAt(1_600_000_000).setExpirationTime(1_600_000_100).sign(key);
    expect(await verifySession(expired, secret)).toBeNull();
    const odd = await new SignJWT({}).setProtectedHeader({ alg: "HS256" }).setSubject("admin").setIssuer("evne-local")
      .setExpirationTime("1h").sign(key);
    expect(await verifySession(odd, secret)).toBeNull();
  });

  test("the cookie is httpOnly and SameSite=Lax, Secure in production", () => {
    expect(sessionCookieOptions(true)).toMatchObject({ httpOnly: true, sameSite: "lax", secure: true, path: "/" });
    expect(sessionCookieOptions(false).secure).toBe(false);
  });
});
