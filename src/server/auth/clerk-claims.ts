import "server-only";
import { createClerkClient } from "@clerk/backend";
import { z } from "zod";
import type { Identity } from "./types";

/**
 * Optional claims our Clerk session token template adds ({"email": "{{user.primary_email_address}}",
 * "name": "{{user.full_name}}", "metadata": "{{user.public_metadata}}"}), so no Backend API call is
 * needed per request.
 */
const customClaims = z.object({
  email: z.email().optional().catch(undefined),
  name: z.string().optional().catch(undefined),
  metadata: z.object({ role: z.string().optional() }).optional().catch(undefined),
});

export function clerkIdentityFromClaims(clerkId: string, claims: Record<string, unknown>): Identity {
  const c = customClaims.parse(claims);
  return { provider: "clerk", clerkId, email: c.email, name: c.name, role: c.metadata?.role };
}

/**
 * Verifies a request's Clerk session the way clerkMiddleware does. With `jwtKey` (CLERK_JWT_KEY,
 * the instance's PEM public key) it needs no network call.
 */
export async function verifyClerkRequest(
  request: Request,
  keys: { secretKey: string; publishableKey: string; jwtKey?: string; authorizedParties?: string[] },
): Promise<Identity | null> {
  const clerk = createClerkClient({
    secretKey: keys.secretKey,
    publishableKey: keys.publishableKey,
    jwtKey: keys.jwtKey,
    telemetry: { disabled: true },
  });
  const state = await clerk.authenticateRequest(request, { jwtKey: keys.jwtKey, authorizedParties: keys.authorizedParties });
  const session = state.toAuth();
  if (!state.isSignedIn || !session || !("userId" in session) || !session.userId) return null;
  return clerkIdentityFromClaims(session.userId, (session.sessionClaims ?? {}) as Record<string, unknown>);
}
