import "server-only";
import { consoleMailProvider } from "./console-provider";
import type { MailProvider } from "./types";

export type { MailMessage, MailProvider } from "./types";
export { processOutbox } from "./outbox";

let provider: MailProvider | undefined;

/**
 * The configured mail provider. No real provider is wired yet, so every mode logs instead of
 * sending; a production provider implements MailProvider and is chosen here from env.
 */
export function getMailProvider(): MailProvider {
  provider ??= consoleMailProvider();
  return provider;
}
