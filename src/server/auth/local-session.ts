import "server-only";
import { jwtVerify, SignJWT } from "jose";
import { z } from "zod";

export const sessionCookie = "evne_session";
const maxAgeSeconds = 60 * 60 * 24 * 30;

const claims = z.object({ sub: z.uuid() });

function keyFrom(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** A signed (HS256) session token for local sign-in. */
export async function signSession(userId: string, secret: string): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(userId)
    .setIssuedAt()
    .setExpirationTime(`${maxAgeSeconds}s`)
    .setIssuer("evne-local")
    .sign(keyFrom(secret));
}

/** The user id in a valid, unexpired token; null for anything else. */
export async function verifySession(token: string | undefined, secret: string): Promise<string | null> {
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, keyFrom(secret), { issuer: "evne-local", algorithms: ["HS256"] });
    const parsed = claims.safeParse(payload);
    return parsed.success ? parsed.data.sub : null;
  } catch {
    return null;
  }
}

export function sessionCookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: "lax" as const, secure, path: "/", maxAge: maxAgeSeconds };
}
