import "server-only";
import { chooseAdapters, getEnv } from "@/env";
import { consoleMailProvider } from "./console-provider";
import { smtpMailProvider, unconfiguredMailProvider } from "./smtp-provider";
import type { MailProvider } from "./types";

export type { MailMessage, MailProvider } from "./types";
export { processOutbox } from "./outbox";

let provider: MailProvider | undefined;

/** The configured mail provider: SMTP when SMTP_URL is set, the log only in development and tests. */
export function getMailProvider(): MailProvider {
  const env = getEnv();
  const choice = chooseAdapters(env).mail;
  provider ??=
    choice === "smtp" && env.SMTP_URL && env.MAIL_FROM
      ? smtpMailProvider({ url: env.SMTP_URL, from: env.MAIL_FROM })
      : choice === "console"
        ? consoleMailProvider()
        : unconfiguredMailProvider;
  return provider;
}
