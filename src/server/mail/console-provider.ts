import "server-only";
import type { MailMessage, MailProvider } from "./types";

/**
 * Embedded mode: nothing leaves the machine. The log shows the subject and a masked address so a
 * developer can see that mail would have gone out, without copying personal data into logs.
 */
export function consoleMailProvider(log: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): MailProvider & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return {
    name: "console",
    sent,
    async send(message) {
      sent.push(message);
      log(`[mail] to=${maskAddress(message.to)} subject=${JSON.stringify(message.subject)}`);
    },
  };
}

export function maskAddress(address: string): string {
  const at = address.indexOf("@");
  return at > 0 ? `${address.slice(0, 1)}***${address.slice(at)}` : "***";
}
