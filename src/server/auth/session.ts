import "server-only";
import { chooseAdapters, type Env } from "@/env";
import type { Db } from "@/server/db/client";
import { findUserById } from "@/server/users/queries";
import { userForClerkIdentity } from "./clerk-user";
import { toSessionUser } from "./session-user";
import type { AuthAdapter, SessionUser } from "./types";

async function authAdapter(config: Env): Promise<AuthAdapter> {
  if (chooseAdapters(config).auth === "clerk") return (await import("./clerk")).clerkAuth;
  return (await import("./local")).localAuth(config);
}

/** Who the configured auth adapter says is asking, as our own user row; null when nobody is signed in. */
export async function findSessionUser(config: Env, db: Db): Promise<SessionUser | null> {
  const identity = await (await authAdapter(config)).identify();
  if (!identity) return null;
  if (identity.provider === "local") {
    const user = await findUserById(db, identity.userId);
    return user ? toSessionUser(user, config.ADMIN_EMAILS) : null;
  }
  const user = await userForClerkIdentity(db, identity);
  return user ? toSessionUser(user, undefined) : null;
}
