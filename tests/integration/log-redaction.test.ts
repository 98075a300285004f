import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { dbFrom, withTestAdapters } from "@tests/helpers/adapters";
import type { SessionUser } from "@/server/auth/types";
import { redactConsoleErrors } from "@/server/log";
import { createTestDb, type TestDb } from "@tests/helpers/db";
import { insertTestUser } from "@tests/helpers/profile-fixtures";

// Issue 14, point 6: a database error during a profile save leaves no profile value in the log.
const state: { user: SessionUser | null; t?: TestDb } = { user: null };
withTestAdapters(() => ({
  session: async () => state.user,
  db: dbFrom(state),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const contact = { fullName: "Kari Hemmelig Nordmann", email: "kari.hemmelig@example.test", phone: "+47 912 34 567", city: "Hemmeligby" };

beforeAll(async () => {
  state.t = await createTestDb();
  const user = await insertTestUser(state.t.db, "owner@example.test");
  state.user = { id: user.id, email: "owner@example.test", displayName: "Owner", isAdmin: false, locale: "nb", restricted: false, objected: false };
  // Any write of this profile now fails inside Postgres, with the values as query parameters.
  await state.t.db.execute(sql`alter table profiles add constraint log_test_refuses check (full_name is distinct from 'Kari Hemmelig Nordmann')`);
});
afterAll(async () => state.t?.close());

function captureOutput() {
  const out: string[] = [];
  const capture = (chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  };
  const spies = [
    vi.spyOn(process.stdout, "write").mockImplementation(capture),
    vi.spyOn(process.stderr, "write").mockImplementation(capture),
    vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void out.push(a.map((x) => (x instanceof Error ? `${x.message} ${String(x.cause)}` : String(x))).join(" "))),
    vi.spyOn(console, "warn").mockImplementation((...a: unknown[]) => void out.push(a.map(String).join(" "))),
  ];
  return { text: () => out.join("\n"), restore: () => spies.forEach((s) => s.mockRestore()) };
}

describe("logs carry no query parameters or profile values", () => {
  test("a failed profile save logs the event without the values", async () => {
    const { saveContactAction } = await import("@/server/profile/actions");
    const output = captureOutput();
    let result: unknown;
    try {
      result = await saveContactAction(contact);
    } finally {
      output.restore();
    }
    expect(result).toMatchObject({ ok: false, code: "internal" });
    const text = output.text();
    expect(text).toContain("[action] unexpected error");
    expect(text).toMatch(/code=23514/);
    for (const value of ["Kari Hemmelig", "kari.hemmelig@example.test", "912 34 567", "91234567", "Hemmeligby", "params"]) expect(text).not.toContain(value);
  });

  test("errors Next.js itself prints through console.error are redacted too", async () => {
    const lines: unknown[][] = [];
    const target = { error: (...a: unknown[]) => void lines.push(a), warn: (...a: unknown[]) => void lines.push(a) };
    redactConsoleErrors(target);
    const failure = new Error("Failed query: insert into profiles (email) values ($1)\nparams: kari.hemmelig@example.test");
    target.error("⨯ uncaught", failure, "contact kari.hemmelig@example.test +47 912 34 567");
    expect(JSON.stringify(lines)).not.toMatch(/kari\.hemmelig|912 34 567|params/);
    expect(JSON.stringify(lines)).toContain("Failed query: insert into profiles");
  });
});
