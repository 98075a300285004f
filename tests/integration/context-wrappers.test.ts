// The request wrappers hand every handler one context built from the adapters in force: who is
// asking, the database, a redacting embedder, storage and configuration. Cron routes take only the
// CRON_SECRET bearer; webhook routes never look at a session.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { z } from "zod";
import { parseEnv } from "@/env";
import { userAction, adminAction } from "@/server/action";
import { adapters, installAdapters } from "@/server/adapters";
import type { SessionUser } from "@/server/auth/types";
import type { Context } from "@/server/context";
import type { Embedder } from "@/server/embeddings/types";
import { cronRoute, publicRoute, userRoute, webhookRoute } from "@/server/http/route";
import { createTestDb, type TestDb } from "@tests/helpers/db";

const dataDir = mkdtempSync(path.join(tmpdir(), "evne-context-"));
const config = parseEnv({ NODE_ENV: "test", DATA_DIR: dataDir, CRON_SECRET: "context-cron-secret-0123456789", SEARCH_LOG_KEY: "k9:context-test-secret-0123456789" });

const sent: string[][] = [];
const recordingEmbedder: Embedder = {
  model: "recording",
  embed: async (texts) => {
    sent.push(texts);
    return texts.map(() => [1]);
  },
};

let t: TestDb;
let asking: SessionUser | null = null;
let sessionLookups = 0;
let restore: () => void;

function person(over: Partial<SessionUser> = {}): SessionUser {
  return { id: "00000000-0000-4000-8000-00000000c0de", email: "ola@example.test", displayName: "Ola Nordmann", isAdmin: false, locale: "nb", restricted: false, objected: false, ...over };
}

beforeAll(async () => {
  t = await createTestDb();
  restore = installAdapters({
    config,
    db: async () => t.db,
    session: async () => {
      sessionLookups++;
      return asking;
    },
    embedder: recordingEmbedder,
  });
});
afterAll(async () => {
  restore();
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});
beforeEach(() => {
  asking = null;
  sessionLookups = 0;
  sent.length = 0;
});

describe("actions", () => {
  const seen: Context[] = [];
  const echo = userAction(z.object({ text: z.string().min(1) }), async ({ text }, ctx) => {
    seen.push(ctx);
    await ctx.embedder.embed([text]);
    return { user: ctx.user.id };
  });

  test("a signed-in caller's handler gets the installed adapters, built once for the request", async () => {
    asking = person();
    seen.length = 0;
    expect(await echo({ text: "hei" })).toEqual({ ok: true, data: { user: asking.id } });
    const ctx = seen[0];
    expect(ctx?.db).toBe(t.db);
    expect(ctx?.config).toBe(config);
    expect(ctx?.storage.kind).toBe("disk");
    expect(ctx?.keyring.current.id).toBe("k9");
    expect(sessionLookups).toBe(1);
  });

  test("the embedder a handler gets removes the caller's name, e-mail and phone before anything is sent", async () => {
    asking = person();
    await echo({ text: "Ola Nordmann, ola@example.test, +47 912 34 567, kan TypeScript" });
    expect(sent).toEqual([["[name] [name], [email], [phone], kan TypeScript"]]);
  });

  test("nobody signed in: unauthorized, and the handler never runs", async () => {
    seen.length = 0;
    expect(await echo({ text: "hei" })).toMatchObject({ ok: false, code: "unauthorized" });
    expect(seen).toEqual([]);
  });

  test("bad input: field errors, and the handler never runs", async () => {
    asking = person();
    seen.length = 0;
    expect(await echo({ text: "" })).toMatchObject({ ok: false, code: "bad_request", fieldErrors: { text: [expect.any(String)] } });
    expect(seen).toEqual([]);
  });

  test("admin actions are not_found to everyone else", async () => {
    const admin = adminAction(z.object({}), async (_input, ctx) => ctx.user.email);
    asking = person();
    expect(await admin({})).toMatchObject({ ok: false, code: "not_found" });
    asking = person({ isAdmin: true });
    expect(await admin({})).toEqual({ ok: true, data: "ola@example.test" });
  });
});

describe("routes", () => {
  const get = (url: string, headers: Record<string, string> = {}) => new Request(url, { headers });

  test("a user route gets the request, its params and the context; signed out is a 401", async () => {
    const route = userRoute(async (ctx) => Response.json({ user: ctx.user.id, id: ctx.params.id, path: new URL(ctx.request.url).pathname, sameDb: ctx.db === t.db }));
    const call = () => route(get("http://localhost/api/things/42"), { params: Promise.resolve({ id: "42" }) });
    expect((await call()).status).toBe(401);
    asking = person();
    expect(await (await call()).json()).toEqual({ user: asking.id, id: "42", path: "/api/things/42", sameDb: true });
  });

  test("a public route gets null for anonymous visitors", async () => {
    const route = publicRoute(async (ctx) => Response.json({ user: ctx.user?.id ?? null }));
    expect(await (await route(get("http://localhost/api/x"))).json()).toEqual({ user: null });
  });

  test("a cron route runs only for the CRON_SECRET bearer, and never asks who is signed in", async () => {
    let runs = 0;
    const route = cronRoute(async (ctx) => {
      runs++;
      return Response.json({ k: ctx.config.STATS_K, user: ctx.user });
    });
    asking = person({ isAdmin: true }); // a signed-in admin is still not the scheduler
    expect((await route(get("http://localhost/api/cron/x"))).status).toBe(401);
    expect((await route(get("http://localhost/api/cron/x", { authorization: "Bearer wrong" }))).status).toBe(401);
    expect(runs).toBe(0);
    const ok = await route(get("http://localhost/api/cron/x", { authorization: `Bearer ${config.CRON_SECRET}` }));
    expect(await ok.json()).toEqual({ k: 10, user: null });
    expect(sessionLookups).toBe(0);
  });

  test("with no CRON_SECRET configured, no caller gets in", async () => {
    const back = installAdapters({ config: parseEnv({ NODE_ENV: "test", DATA_DIR: dataDir }) });
    try {
      const route = cronRoute(async () => Response.json({ ran: true }));
      expect((await route(get("http://localhost/api/cron/x", { authorization: "Bearer " }))).status).toBe(401);
      expect((await route(get("http://localhost/api/cron/x", { authorization: "Bearer undefined" }))).status).toBe(401);
    } finally {
      back();
    }
  });

  test("a webhook route hands over the raw request and no session", async () => {
    const route = webhookRoute(async (ctx) => Response.json({ body: await ctx.request.text(), user: ctx.user }));
    asking = person();
    const response = await route(new Request("http://localhost/api/webhooks/x", { method: "POST", body: "signed payload" }));
    expect(await response.json()).toEqual({ body: "signed payload", user: null });
    expect(sessionLookups).toBe(0);
  });
});

describe("installing adapters", () => {
  test("an installed config brings the storage and keyring chosen from it; restoring puts the previous ones back", () => {
    const otherDir = mkdtempSync(path.join(tmpdir(), "evne-context-other-"));
    const other = parseEnv({ NODE_ENV: "test", DATA_DIR: otherDir, SEARCH_LOG_KEY: "k2:other-context-secret-0123456789" });
    const back = installAdapters({ config: other });
    try {
      expect(adapters().config).toBe(other);
      expect(adapters().keyring().current.id).toBe("k2");
    } finally {
      back();
      rmSync(otherDir, { recursive: true, force: true });
    }
    expect(adapters().config).toBe(config);
    expect(adapters().keyring().current.id).toBe("k9");
  });
});
