import "server-only";
import { getEnv, type Env } from "@/env";
import type { SessionUser } from "@/server/auth/types";
import type { Db } from "@/server/db/client";
import { embedderFor } from "@/server/embeddings";
import type { Embedder } from "@/server/embeddings/types";
import { mailProviderFor } from "@/server/mail";
import type { MailProvider } from "@/server/mail/types";
import { skillNamerFor } from "@/server/matching/extract/openai";
import type { SkillNamer } from "@/server/matching/extract/types";
import { remoteDeletersFromEnv, type RemoteDeleters } from "@/server/privacy/remote";
import { keyringFrom, type Keyring } from "@/server/pseudonym";
import { addressSourceFrom, type AddressSource } from "@/server/http/client-address";
import { storageFor } from "@/server/storage";
import type { FileStorage } from "@/server/storage/types";

/**
 * Every outside service the app talks to, chosen once from the validated environment. This is the
 * one place that reads configuration: request wrappers hand these to handlers (see context.ts),
 * and tests or scripts install their own (a test database, a fixed user, a recording embedder).
 */
export type Adapters = {
  config: Env;
  db: () => Promise<Db>;
  /** Who is asking in the current request, or null. */
  session: () => Promise<SessionUser | null>;
  /** Raw: requests get a redacting wrapper for the user they act for. */
  embedder: Embedder;
  /** Names skills in pasted text; undefined without an OpenAI key (the local extractor is used). */
  skillNamer: SkillNamer | undefined;
  storage: FileStorage;
  mail: MailProvider;
  deleters: RemoteDeleters;
  keyring: () => Keyring;
  addressSource: AddressSource;
};

const fromConfigs = new WeakMap<Env, Adapters>();
let installed: Partial<Adapters> | undefined;

function fromConfig(config: Env): Adapters {
  let ring: Keyring | undefined;
  return {
    config,
    db: async () => (await import("@/server/db")).getDb(),
    session: async () => (await import("@/server/auth/session")).findSessionUser(adapters().config, await adapters().db()),
    embedder: embedderFor(config),
    skillNamer: skillNamerFor(config),
    storage: storageFor(config),
    mail: mailProviderFor(config),
    deleters: remoteDeletersFromEnv(config),
    keyring: () => (ring ??= keyringFrom(config)),
    addressSource: addressSourceFrom(config),
  };
}

/**
 * The adapters in force: those the configuration chooses, with anything a test or script installed
 * on top. An installed `config` replaces everything chosen from configuration (storage under its
 * DATA_DIR, its keyring …) unless that was installed too.
 */
export function adapters(): Adapters {
  const config = installed?.config ?? getEnv();
  let base = fromConfigs.get(config);
  if (!base) fromConfigs.set(config, (base = fromConfig(config)));
  return installed ? { ...base, ...installed } : base;
}

/** Hands in replacements (tests, scripts); returns a function that puts the previous ones back. */
export function installAdapters(replacements: Partial<Adapters>): () => void {
  const previous = installed;
  installed = { ...previous, ...replacements };
  return () => {
    installed = previous;
  };
}

/** The pseudonym keyring in force, for domain code that defaults to it. */
export function getKeyring(): Keyring {
  return adapters().keyring();
}
