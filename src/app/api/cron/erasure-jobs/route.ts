// GET /api/cron/erasure-jobs — Vercel Cron: retries due remote deletions, then sends queued mail
import { timingSafeEqual } from "node:crypto";
import { getEnv } from "@/env";
import { getDb } from "@/server/db";
import { errorResponse } from "@/server/http/route";
import { getMailProvider, processOutbox } from "@/server/mail";
import { processErasureJobs } from "@/server/privacy/erase";
import { remoteDeletersFromEnv } from "@/server/privacy/remote";

export const dynamic = "force-dynamic";

/** Vercel Cron sends `Authorization: Bearer $CRON_SECRET`; without a configured secret nothing runs. */
function cronAuthorized(header: string | null, secret: string | undefined): boolean {
  if (!secret || !header) return false;
  const expected = Buffer.from(`Bearer ${secret}`);
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function GET(request: Request): Promise<Response> {
  try {
    const env = getEnv();
    if (!cronAuthorized(request.headers.get("authorization"), env.CRON_SECRET)) {
      return Response.json({ error: { code: "unauthorized", message: "Unauthorized" } }, { status: 401 });
    }
    const db = await getDb();
    const erasure = await processErasureJobs(db, { deleters: remoteDeletersFromEnv(env) });
    const mail = await processOutbox(db, getMailProvider());
    return Response.json({ ok: true, erasure, mail });
  } catch (error) {
    return errorResponse(error);
  }
}
