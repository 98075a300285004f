import "@tests/helpers/node20-polyfills";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { createTestDb, type TestDb } from "@tests/helpers/db";
import { rowsLeftFor, testRing, userWithEverything } from "@tests/helpers/privacy";
import { queryRows } from "@/server/db/rows";
import { concepts, erasureJobs } from "@/server/db/schema";
import { eraseUser, processErasureJobs } from "@/server/privacy/erase";
import { clerkUserDeleter, diskFileDeleter, uploadthingFileDeleter, type RemoteDeleters } from "@/server/privacy/remote";

const clerkApi = "https://api.clerk.test";
const utToken = Buffer.from(JSON.stringify({ apiKey: "sk_test_privacy", appId: "app-privacy", regions: ["fra1"] })).toString("base64");

type Outcome = "ok" | "fail" | "gone";
const remote = { clerk: "ok" as Outcome, uploadthing: "ok" as Outcome };
const calls = { clerk: [] as string[], uploadthing: [] as string[] };

const server = setupServer(
  http.delete(`${clerkApi}/v1/users/:id`, ({ params }) => {
    calls.clerk.push(String(params.id));
    if (remote.clerk === "fail") return HttpResponse.json({ errors: [{ code: "internal", message: "boom" }] }, { status: 500 });
    if (remote.clerk === "gone") return HttpResponse.json({ errors: [{ code: "resource_not_found", message: "not found" }] }, { status: 404 });
    return HttpResponse.json({ id: params.id, object: "user", deleted: true });
  }),
  http.post("https://api.uploadthing.com/v6/deleteFiles", async ({ request }) => {
    const body = (await request.json()) as { fileKeys: string[] };
    calls.uploadthing.push(...body.fileKeys);
    if (remote.uploadthing === "fail") return HttpResponse.json({ error: "down" }, { status: 500 });
    return HttpResponse.json({ success: true, deletedCount: body.fileKeys.length });
  }),
);

let t: TestDb;
let dataDir: string;
let uploads: string;
let deleters: RemoteDeleters;

beforeAll(async () => {
  server.listen({ onUnhandledFrame: "error" });
  t = await createTestDb();
  dataDir = path.join(tmpdir(), `evne-erase-${process.pid}-${Date.now()}`);
  uploads = path.join(dataDir, "uploads");
  await mkdir(uploads, { recursive: true });
  deleters = { clerkUser: clerkUserDeleter("sk_test_privacy", clerkApi), uploadthingFile: uploadthingFileDeleter(utToken), diskFile: diskFileDeleter(dataDir) };
});
afterEach(() => {
  remote.clerk = "ok";
  remote.uploadthing = "ok";
  calls.clerk.length = 0;
  calls.uploadthing.length = 0;
});
afterAll(async () => {
  server.close();
  await t.close();
});

describe("erasure", () => {
  test("leaves no row with the user's id or any of their pseudonyms, and keeps other users and anonymous data", async () => {
    const { user, concept } = await userWithEverything(t.db);
    const other = await userWithEverything(t.db);
    await writeFile(path.join(uploads, `avatar-${user.email.match(/\d+/)?.[0]}.webp`), "img");
    const before = await rowsLeftFor(t.db, user.id, testRing);
    expect(Object.keys(before).length).toBeGreaterThan(10);

    const result = await eraseUser(t.db, { userId: user.id, ring: testRing, deleters });
    expect(result.erased).toBe(true);
    expect(result.jobs.map((j) => [j.target, j.done])).toEqual([["disk_file", true]]);
    expect(await rowsLeftFor(t.db, user.id, testRing)).toEqual({});
    expect(await readdir(uploads)).not.toContain(`avatar-${user.email.match(/\d+/)?.[0]}.webp`);
    // Anonymous and shared data stay: the taxonomy concept and the other user's everything.
    expect(await t.db.select().from(concepts).where(eq(concepts.id, concept.id))).toHaveLength(1);
    expect(Object.keys(await rowsLeftFor(t.db, other.user.id, testRing)).length).toBe(Object.keys(before).length);
  });

  test("is idempotent: erasing again changes nothing and queues nothing", async () => {
    const { user } = await userWithEverything(t.db);
    await eraseUser(t.db, { userId: user.id, ring: testRing, deleters });
    const jobsBefore = await t.db.select().from(erasureJobs);
    const again = await eraseUser(t.db, { userId: user.id, ring: testRing, deleters });
    expect(again).toEqual({ erased: false, jobs: [] });
    expect(await t.db.select().from(erasureJobs)).toEqual(jobsBefore);
    expect(await rowsLeftFor(t.db, user.id, testRing)).toEqual({});
  });

  test("a failed Clerk and Uploadthing deletion stays queued with backoff and succeeds on retry", async () => {
    const { user } = await userWithEverything(t.db, { clerkId: "user_clerk_fail", avatar: "uploadthing" });
    remote.clerk = "fail";
    remote.uploadthing = "fail";
    const now = new Date("2026-11-24T12:00:00Z");
    const result = await eraseUser(t.db, { userId: user.id, ring: testRing, deleters, now });
    expect(result.erased).toBe(true);
    expect(result.jobs.map((j) => [j.target, j.done]).sort()).toEqual([["clerk_user", false], ["uploadthing_file", false]]);
    expect(await rowsLeftFor(t.db, user.id, testRing)).toEqual({}); // local data is gone at once
    expect(calls.clerk).toEqual(["user_clerk_fail"]);

    const queued = await t.db.select().from(erasureJobs).where(sql`${erasureJobs.doneAt} is null`);
    expect(queued).toHaveLength(2);
    for (const job of queued) {
      expect(job.attempts).toBe(1);
      expect(job.lastError).toBeTruthy();
      expect(job.nextAttemptAt.getTime()).toBe(now.getTime() + 60_000);
    }

    // Not due yet: nothing is attempted.
    expect(await processErasureJobs(t.db, { deleters, now: new Date(now.getTime() + 30_000) })).toEqual({ attempted: 0, done: 0 });
    // Still failing when due: attempts grow, the delay doubles.
    const second = new Date(now.getTime() + 61_000);
    expect(await processErasureJobs(t.db, { deleters, now: second })).toEqual({ attempted: 2, done: 0 });
    const [j] = await t.db.select().from(erasureJobs).where(eq(erasureJobs.remoteId, "user_clerk_fail"));
    expect(j?.attempts).toBe(2);
    expect(j?.nextAttemptAt.getTime()).toBe(second.getTime() + 120_000);

    remote.clerk = "ok";
    remote.uploadthing = "ok";
    expect(await processErasureJobs(t.db, { deleters, now: new Date(second.getTime() + 121_000) })).toEqual({ attempted: 2, done: 2 });
    const [left] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from erasure_jobs where done_at is null`);
    expect(left?.n).toBe(0);
    expect(calls.uploadthing.length).toBe(3);
    // Done jobs are never repeated.
    expect(await processErasureJobs(t.db, { deleters, now: new Date("2027-01-01T00:00:00Z") })).toEqual({ attempted: 0, done: 0 });
  });

  test("a Clerk user already gone (404) counts as deleted", async () => {
    remote.clerk = "gone";
    const { user } = await userWithEverything(t.db, { clerkId: "user_clerk_gone" });
    const result = await eraseUser(t.db, { userId: user.id, ring: testRing, deleters });
    expect(result.jobs.find((j) => j.target === "clerk_user")?.done).toBe(true);
  });

  test("a disk key cannot point outside the upload directory", async () => {
    await expect(deleters.diskFile("../../etc/passwd")).rejects.toThrow(/unsafe storage key/);
  });
});
