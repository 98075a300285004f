import "server-only";
import nodemailer from "nodemailer";
import type { MailMessage, MailProvider } from "./types";

/**
 * SMTP submission to the configured provider (an EU provider, SMTP_URL). `send` resolves only when
 * the server accepted the message for the recipient; a refusal or a broken conversation throws,
 * so the outbox keeps the row for a retry.
 */
export function smtpMailProvider(p: { url: string; from: string }): MailProvider & { close(): void } {
  const transport = nodemailer.createTransport(p.url);
  return {
    name: "smtp",
    async send(message: MailMessage) {
      const info = await transport.sendMail({ from: p.from, to: message.to, subject: message.subject, text: message.text });
      const accepted = (info.accepted as unknown[]).map((a) => (typeof a === "string" ? a : String((a as { address?: unknown }).address ?? "")).toLowerCase());
      if (info.rejected.length > 0 || !accepted.includes(message.to.toLowerCase())) {
        throw new Error(`the mail server did not accept the recipient (${info.response})`);
      }
    },
    close: () => transport.close(),
  };
}

/** Outside development without SMTP_URL: nothing is sent, and rows stay unsent rather than pretend. */
export const unconfiguredMailProvider: MailProvider = {
  name: "none",
  async send() {
    throw new Error("no mail provider is configured (set SMTP_URL and MAIL_FROM)");
  },
};
