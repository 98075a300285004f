import "server-only";
import { auth } from "@clerk/nextjs/server";
import { clerkIdentityFromClaims } from "./clerk-claims";
import type { AuthAdapter } from "./types";

/** Clerk mode: the session is verified by clerkMiddleware (src/proxy.ts) and read here. */
export const clerkAuth: AuthAdapter = {
  name: "clerk",
  async identify() {
    const { userId, sessionClaims } = await auth();
    if (!userId) return null;
    return clerkIdentityFromClaims(userId, sessionClaims ?? {});
  },
};
