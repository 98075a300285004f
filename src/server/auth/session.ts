import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { chooseAdapters, getEnv } from "@/env";
import { getDb } from "@/server/db";
import { markDbUnavailable } from "@/server/db/availability";
import { findUserById } from "@/server/users/queries";
import { userForClerkIdentity } from "./clerk-user";
import { toSessionUser } from "./session-user";
import type { AuthAdapter, SessionUser } from "./types";

async function adapter(): Promise<AuthAdapter> {
  if (chooseAdapters(getEnv()).auth === "clerk") return (await import("./clerk")).clerkAuth;
  return (await import("./local")).localAuth;
}

/** The signed-in user, or null. Cached per request. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  try {
    return await findSessionUser();
  } catch (error) {
    // Nearly every page asks this first: a database outage shows up here as the "unavailable" page.
    throw markDbUnavailable(error);
  }
});

async function findSessionUser(): Promise<SessionUser | null> {
  const identity = await (await adapter()).identify();
  if (!identity) return null;
  const db = await getDb();
  const env = getEnv();
  if (identity.provider === "local") {
    const user = await findUserById(db, identity.userId);
    return user ? toSessionUser(user, env.ADMIN_EMAILS) : null;
  }
  const user = await userForClerkIdentity(db, identity);
  return user ? toSessionUser(user, undefined) : null;
}

/** For pages: a signed-out visitor is sent to sign-in and comes back afterwards. */
export async function requireUser(returnTo = "/profile"): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return user;
}

/** For admin pages: anyone else gets a plain 404, so admin pages are not even confirmed to exist. */
export async function requireAdmin(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user?.isAdmin) notFound();
  return user;
}
