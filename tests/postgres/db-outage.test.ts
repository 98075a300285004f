// The database going away mid-life and coming back: routes and actions answer a clear 503 /
// "unavailable" (never a 500 or a stack trace), and the same process recovers without a restart.
// A TCP relay between the app's pool and the server stands in for the network: closing it drops
// every connection and refuses new ones.
import { createServer, connect, type Server, type Socket } from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { withTestAdapters } from "@tests/helpers/adapters";
import { openPostgres, type DbHandle } from "@/server/db/client";
import { queryRows } from "@/server/db/rows";
import { createTestDb, type TestDb } from "@tests/helpers/db";

const state: { handle?: DbHandle } = {};
withTestAdapters(() => ({
  session: async () => ({ id: "00000000-0000-4000-8000-000000000001", email: "outage@example.test", displayName: "Outage", isAdmin: false, locale: "en", restricted: false, objected: false }),
  db: async () => {
    if (!state.handle) throw new Error("no handle");
    return state.handle.db;
  },
}));

const { publicRoute } = await import("@/server/http/route");
const { userAction } = await import("@/server/action");
const { z } = await import("zod");

/** Forwards 127.0.0.1:<port> to the test database's server until closed. */
function relay(target: URL): { port: () => number; open: () => Promise<void>; close: () => Promise<void> } {
  let server: Server | undefined;
  let port = 0;
  const sockets = new Set<Socket>();
  return {
    port: () => port,
    open: () =>
      new Promise((resolve) => {
        server = createServer((client) => {
          const upstream = connect(Number(target.port || 5432), target.hostname);
          for (const s of [client, upstream]) {
            sockets.add(s);
            s.on("close", () => sockets.delete(s));
            s.on("error", () => s.destroy());
          }
          client.pipe(upstream).pipe(client);
        });
        server.listen(port, "127.0.0.1", () => {
          const address = server?.address();
          port = typeof address === "object" && address ? address.port : port;
          resolve();
        });
      }),
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server?.close(() => resolve());
      }),
  };
}

let t: TestDb;
let link: ReturnType<typeof relay>;

beforeAll(async () => {
  t = await createTestDb();
  const target = new URL(t.url ?? "");
  link = relay(target);
  await link.open();
  const viaRelay = new URL(target);
  viaRelay.port = String(link.port());
  state.handle = await openPostgres(viaRelay.toString(), { max: 2 });
});
afterAll(async () => {
  await state.handle?.close();
  await link.close();
  await t.close();
});

const route = publicRoute(async ({ db }) => Response.json(await queryRows(db, sql`select 1 as one`)));
const action = userAction(z.object({}), async (_input, { db }) => queryRows(db, sql`select 1 as one`));

describe("the database goes away and comes back", () => {
  test("503 JSON and an 'unavailable' action result while it is gone; answers again once it is back, same pool", async () => {
    expect((await route(new Request("http://evne.test/api/x"))).status).toBe(200);

    await link.close();
    const down = await route(new Request("http://evne.test/api/x"));
    expect(down.status).toBe(503);
    expect(down.headers.get("retry-after")).toBe("5");
    const body = await down.text();
    expect(JSON.parse(body)).toEqual({ error: { code: "unavailable", message: expect.stringMatching(/temporarily unavailable/) } });
    expect(body).not.toMatch(/ECONNREFUSED|at .*\.ts|127\.0\.0\.1/);
    expect(await action({})).toEqual({ ok: false, code: "unavailable", error: expect.stringMatching(/temporarily unavailable/) });

    await link.open();
    const up = await route(new Request("http://evne.test/api/x"));
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual([{ one: 1 }]);
    expect(await action({})).toEqual({ ok: true, data: [{ one: 1 }] });
  });
});
