import { createHmac } from "node:crypto";

/**
 * Signs a webhook the way Clerk's sender (svix, Standard Webhooks) does, so tests can deliver
 * events to the handler: `v1,` + base64 HMAC-SHA-256 of `id.timestamp.body` under the secret.
 */
export class WebhookSigner {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  }

  sign(id: string, at: Date, body: string): string {
    const timestamp = Math.floor(at.getTime() / 1000);
    return `v1,${createHmac("sha256", this.key).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
  }
}
