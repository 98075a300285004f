import "server-only";
import { chooseAdapters, type Env } from "@/env";
import { consoleMailProvider } from "./console-provider";
import { smtpMailProvider, unconfiguredMailProvider } from "./smtp-provider";
import type { MailProvider } from "./types";

export type { MailMessage, MailProvider } from "./types";
export { processOutbox } from "./outbox";

/** SMTP when SMTP_URL is set, the log only in development and tests, otherwise a provider that refuses. */
export function mailProviderFor(env: Env): MailProvider {
  const choice = chooseAdapters(env).mail;
  if (choice === "smtp" && env.SMTP_URL && env.MAIL_FROM) return smtpMailProvider({ url: env.SMTP_URL, from: env.MAIL_FROM });
  return choice === "console" ? consoleMailProvider() : unconfiguredMailProvider;
}
