import "server-only";

/** One rendered e-mail. */
export type MailMessage = { to: string; subject: string; text: string };

/** Where e-mail goes: a real provider in production, the log in embedded mode. */
export interface MailProvider {
  readonly name: string;
  send(message: MailMessage): Promise<void>;
}
