import "server-only";
import { verifyWebhook } from "@clerk/nextjs/webhooks";
import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { z } from "zod";
import type { Db } from "@/server/db/client";
import { webhookDeliveries } from "@/server/db/schema";
import type { Keyring } from "@/server/pseudonym";
import { findUserByClerkId, recordLogin, upsertClerkUser } from "@/server/users/queries";
import { eraseClerkUser } from "./erase";
import type { RemoteDeleters } from "./remote";
import { isErasedClerkId } from "./tombstones";

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
  /** Milliseconds since the epoch: when Clerk made this change (orders redelivered events). */
  updated_at: z.number().int().nonnegative().nullish(),
});

const eventTime = z.number().int().nonnegative().optional().catch(undefined);
const clerkEvent = z.discriminatedUnion("type", [
  z.object({ type: z.literal("user.created"), data: userData, timestamp: eventTime }),
  z.object({ type: z.literal("user.updated"), data: userData, timestamp: eventTime }),
  z.object({ type: z.literal("user.deleted"), data: z.object({ id: clerkId }) }),
  z.object({ type: z.literal("session.created"), data: z.object({ user_id: clerkId }) }),
]);

export type WebhookOutcome = { status: number; body: { ok: boolean; handled?: string; error?: string } };

/** Deliveries remembered for redelivery checks; svix retries for about a day and a half. */
export const webhookDeliveryRetentionDays = 7;

/**
 * POST /api/webhooks/clerk, minus HTTP: verifies the signature with Clerk's own verifier (which
 * also refuses a timestamp more than five minutes off), then keeps our users table in step with
 * Clerk. Each svix id is applied once; a user change older than the one we hold is ignored; an
 * erased account (tombstone) is never re-created.
 */
export async function handleClerkWebhook(
  db: Db,
  p: { secret: string | undefined; body: string; headers: Headers; deleters: RemoteDeleters; ring?: Keyring },
): Promise<WebhookOutcome> {
  if (!p.secret) return { status: 503, body: { ok: false, error: "Webhook signing secret is not configured" } };
  let payload: unknown;
  try {
    payload = await verifyWebhook(new NextRequest("https://webhook.invalid/", { method: "POST", headers: p.headers, body: p.body }), { signingSecret: p.secret });
  } catch {
    return { status: 400, body: { ok: false, error: "Invalid webhook signature" } };
  }
  const svixId = p.headers.get("svix-id")?.trim() ?? "";
  const type = z.object({ type: z.string() }).safeParse(payload);
  if (!type.success) return { status: 400, body: { ok: false, error: "Invalid event" } };
  if (!["user.created", "user.updated", "user.deleted", "session.created"].includes(type.data.type)) {
    return { status: 200, body: { ok: true, handled: "ignored" } };
  }
  const parsed = clerkEvent.safeParse(payload);
  if (!parsed.success) return { status: 400, body: { ok: false, error: "Invalid event data" } };
  const claimed = await db.insert(webhookDeliveries).values({ svixId }).onConflictDoNothing().returning({ id: webhookDeliveries.svixId });
  if (claimed.length === 0) return { status: 200, body: { ok: true, handled: "duplicate" } };
  try {
    return await applyEvent(db, parsed.data, p);
  } catch (error) {
    // Not applied: forget the delivery so svix's retry is applied.
    await db.delete(webhookDeliveries).where(eq(webhookDeliveries.svixId, svixId));
    throw error;
  }
}

async function applyEvent(db: Db, event: z.infer<typeof clerkEvent>, p: { deleters: RemoteDeleters; ring?: Keyring }): Promise<WebhookOutcome> {
  switch (event.type) {
    case "user.created":
    case "user.updated": {
      const d = event.data;
      if (await isErasedClerkId(db, d.id, p.ring)) return { status: 200, body: { ok: true, handled: "erased" } };
      const email = (d.email_addresses.find((e) => e.id === d.primary_email_address_id) ?? d.email_addresses[0])?.email_address ?? `${d.id}@users.clerk`;
      const name = [d.first_name, d.last_name].filter(Boolean).join(" ") || d.username || email;
      const applied = await upsertClerkUser(db, {
        clerkId: d.id,
        email,
        displayName: name,
        role: d.public_metadata?.role === "admin" ? "admin" : "user",
        clerkUpdatedAt: new Date(d.updated_at ?? event.timestamp ?? Date.now()),
      });
      return { status: 200, body: { ok: true, handled: applied ? event.type : "stale" } };
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
