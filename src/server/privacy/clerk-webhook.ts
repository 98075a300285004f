import "server-only";
import { Webhook, WebhookVerificationError } from "svix";
import { z } from "zod";
import type { Db } from "@/server/db/client";
import type { Keyring } from "@/server/pseudonym";
import { findUserByClerkId, recordLogin, upsertClerkUser } from "@/server/users/queries";
import { eraseClerkUser } from "./erase";
import type { RemoteDeleters } from "./remote";

/** Postgres text cannot hold NUL (U+0000): a name carrying one is stored without it instead of failing with a 500. */
const text = z.string().overwrite((s) => s.replaceAll("\u0000", ""));
/** Clerk ids never hold NUL; one that does is invalid event data (400), not a failed query. */
const clerkId = z.string().min(1).refine((s) => !s.includes("\u0000"));

const userData = z.object({
  id: clerkId,
  email_addresses: z.array(z.object({ id: z.string(), email_address: text })).default([]),
  primary_email_address_id: z.string().nullish(),
  first_name: text.nullish(),
  last_name: text.nullish(),
  username: text.nullish(),
  public_metadata: z.object({ role: z.unknown().optional() }).passthrough().nullish(),
});

const clerkEvent = z.discriminatedUnion("type", [
  z.object({ type: z.literal("user.created"), data: userData }),
  z.object({ type: z.literal("user.updated"), data: userData }),
  z.object({ type: z.literal("user.deleted"), data: z.object({ id: clerkId }) }),
  z.object({ type: z.literal("session.created"), data: z.object({ user_id: clerkId }) }),
]);

export type WebhookOutcome = { status: number; body: { ok: boolean; handled?: string; error?: string } };

/**
 * POST /api/webhooks/clerk, minus HTTP: verifies the svix signature (which also refuses a
 * timestamp more than five minutes off), then keeps our users table in step with Clerk.
 */
export async function handleClerkWebhook(
  db: Db,
  p: { secret: string | undefined; body: string; headers: Headers; deleters: RemoteDeleters; ring?: Keyring },
): Promise<WebhookOutcome> {
  if (!p.secret) return { status: 503, body: { ok: false, error: "Webhook signing secret is not configured" } };
  const svixHeaders = {
    "svix-id": p.headers.get("svix-id") ?? "",
    "svix-timestamp": p.headers.get("svix-timestamp") ?? "",
    "svix-signature": p.headers.get("svix-signature") ?? "",
  };
  let payload: unknown;
  try {
    // svix 2.5's verify only throws on a bad signature or stale timestamp; the payload is the body.
    new Webhook(p.secret).verify(p.body, svixHeaders);
    payload = JSON.parse(p.body);
  } catch (error) {
    if (error instanceof SyntaxError) return { status: 400, body: { ok: false, error: "Invalid JSON" } };
    if (error instanceof WebhookVerificationError) return { status: 400, body: { ok: false, error: "Invalid webhook signature" } };
    throw error;
  }
  const type = z.object({ type: z.string() }).safeParse(payload);
  if (!type.success) return { status: 400, body: { ok: false, error: "Invalid event" } };
  if (!["user.created", "user.updated", "user.deleted", "session.created"].includes(type.data.type)) {
    return { status: 200, body: { ok: true, handled: "ignored" } };
  }
  const parsed = clerkEvent.safeParse(payload);
  if (!parsed.success) return { status: 400, body: { ok: false, error: "Invalid event data" } };
  const event = parsed.data;
  switch (event.type) {
    case "user.created":
    case "user.updated": {
      const d = event.data;
      const email = (d.email_addresses.find((e) => e.id === d.primary_email_address_id) ?? d.email_addresses[0])?.email_address ?? `${d.id}@users.clerk`;
      const name = [d.first_name, d.last_name].filter(Boolean).join(" ") || d.username || email;
      await upsertClerkUser(db, { clerkId: d.id, email, displayName: name, role: d.public_metadata?.role === "admin" ? "admin" : "user" });
      return { status: 200, body: { ok: true, handled: event.type } };
    }
    case "user.deleted":
      await eraseClerkUser(db, { clerkId: event.data.id, deleters: p.deleters, ring: p.ring });
      return { status: 200, body: { ok: true, handled: event.type } };
    case "session.created": {
      const user = await findUserByClerkId(db, event.data.user_id);
      if (user) await recordLogin(db, { userId: user.id, method: "clerk" });
      return { status: 200, body: { ok: true, handled: user ? event.type : "unknown_user" } };
    }
  }
}
