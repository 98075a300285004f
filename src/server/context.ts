import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { Env } from "@/env";
import { adapters } from "@/server/adapters";
import { aiIdentityOf, redactingEmbedder, redactingNamer, type AiIdentity } from "@/server/ai/redact";
import type { SessionUser } from "@/server/auth/types";
import type { Db } from "@/server/db/client";
import { markDbUnavailable } from "@/server/db/availability";
import type { Embedder } from "@/server/embeddings/types";
import type { AddressSource } from "@/server/http/client-address";
import type { MailProvider } from "@/server/mail/types";
import type { SkillNamer } from "@/server/matching/extract/types";
import type { RemoteDeleters } from "@/server/privacy/remote";
import type { Keyring } from "@/server/pseudonym";
import type { FileStorage } from "@/server/storage/types";

/**
 * What a handler works with, built once per request from the adapters in force. The embedder and
 * the skill namer redact what the asking user wrote before it leaves for the AI provider.
 */
export type Context<U extends SessionUser | null = SessionUser> = {
  user: U;
  db: Db;
  config: Env;
  embedder: Embedder;
  skillNamer: SkillNamer | undefined;
  storage: FileStorage;
  mail: MailProvider;
  deleters: RemoteDeleters;
  keyring: Keyring;
  addressSource: AddressSource;
};

export async function contextFor<U extends SessionUser | null>(user: U): Promise<Context<U>> {
  const a = adapters();
  const db = await a.db();
  // The user's names are looked up on the first call that sends their text out, not per request.
  let identity: Promise<AiIdentity | null> | undefined;
  const identityOnce = () => (identity ??= aiIdentityOf(db, user));
  return {
    user,
    db,
    config: a.config,
    embedder: redactingEmbedder(a.embedder, identityOnce),
    skillNamer: a.skillNamer && redactingNamer(a.skillNamer, identityOnce),
    storage: a.storage,
    mail: a.mail,
    deleters: a.deleters,
    keyring: a.keyring(),
    addressSource: a.addressSource,
  };
}

/** The signed-in user, or null. Once per request. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  try {
    return await adapters().session();
  } catch (error) {
    // Nearly every page asks this first: a database outage shows up here as the "unavailable" page.
    throw markDbUnavailable(error);
  }
});

/** For pages and server components: the context of this request, once per request. */
export const requestContext = cache(async (): Promise<Context<SessionUser | null>> => contextFor(await getSessionUser()));

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
