import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { withTestAdapters } from "@tests/helpers/adapters";
import { z } from "zod";
import { createTestDb, type TestDb } from "@tests/helpers/db";
import { personalTables, testRing, userWithEverything } from "@tests/helpers/privacy";
import { exportCoverage, exportUserData } from "@/server/privacy/export";
import { exportJsonSchema, exportV1 } from "@/server/privacy/export-schema";
import type { SessionUser } from "@/server/auth/types";

let t: TestDb;
let asking: SessionUser | null = null;

withTestAdapters(() => ({
  session: async () => asking,
  db: async () => t.db,
  keyring: () => testRing,
}));

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.close());

describe("export", () => {
  test("every table with a user_id or pseudonym column is mapped to an export key", async () => {
    const tables = await personalTables(t.db);
    expect(tables.length).toBeGreaterThan(5);
    const unmapped = tables.filter(({ table }) => !(table in exportCoverage)).map((r) => `${r.table}.${r.column}`);
    expect(unmapped, "add these tables to exportCoverage in src/server/privacy/export.ts and to the export").toEqual([]);
  });

  test("each mapped table's rows appear under its key, and only the owner's", async () => {
    const { user, skill, experience } = await userWithEverything(t.db);
    const other = await userWithEverything(t.db);
    const data = await exportUserData(t.db, { userId: user.id, ring: testRing });
    for (const { table } of await personalTables(t.db)) {
      const key = exportCoverage[table as keyof typeof exportCoverage];
      const value: unknown = data[key];
      const size = Array.isArray(value) ? value.length : value ? 1 : 0;
      expect(size, `${table} -> ${key}`).toBeGreaterThan(0);
    }
    expect(data.account.id).toBe(user.id);
    expect(data.avatarUrl).toContain("avatar-");
    expect(data.experiences[0]?.id).toBe(experience.id);
    expect(data.experiences[0]?.skillsUsed.map((s) => s.userSkillId)).toEqual([skill.id]);
    // Both the current-key and the old-key pseudonymous rows are found.
    expect(data.searchHistory.map((s) => s.keyId).sort()).toEqual(["k0", "k1"]);
    expect(data.profileEvents).toHaveLength(2);
    const text = JSON.stringify(data);
    expect(text).not.toContain(other.user.id);
    expect(text).not.toContain(other.user.email);
    expect(exportV1.safeParse(data).success).toBe(true);
    expect(data.schemaVersion).toBe(1);
  });

  test("GET /api/me/export downloads the caller's data; anonymous callers get 401", async () => {
    const { user } = await userWithEverything(t.db);
    const { GET } = await import("@/app/api/me/export/route");
    asking = null;
    expect((await GET(new Request("http://x/api/me/export"))).status).toBe(401);
    asking = { id: user.id, email: user.email, displayName: user.displayName, isAdmin: false, locale: "nb", restricted: false, objected: false };
    const res = await GET(new Request("http://x/api/me/export"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="evne-export-/);
    const body = exportV1.parse(await res.json());
    expect(body.account.email).toBe(user.email);
    expect(body.searchHistory).toHaveLength(2);
  });

  test("the published JSON Schema is generated from the zod schema", async () => {
    const { GET } = await import("@/app/api/schemas/export-v1.json/route");
    const raw: unknown = await GET().json();
    const schema = z.object({ $id: z.string(), type: z.literal("object"), required: z.array(z.string()), properties: z.record(z.string(), z.unknown()) }).parse(raw);
    expect(schema.$id).toBe("/api/schemas/export-v1.json");
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(exportV1.shape).sort());
    expect(schema.required).toContain("searchHistory");
    expect(raw).toEqual(exportJsonSchema());
  });
});
