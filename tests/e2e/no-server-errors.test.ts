// Every page and GET route answers without a 5xx for a signed-in user and for the admin — on
// whichever database the server runs (scripts/test-e2e.ts runs this on PGlite and on Postgres).
import { beforeAll, describe, expect, inject, test } from "vitest";
import { demo } from "./support/browser";
import { sessionCookieFor } from "./support/chromium";

const baseURL = inject("baseURL");
const cookies: Record<"kari" | "admin", string> = { kari: "", admin: "" };
let roleId = "";

beforeAll(async () => {
  cookies.kari = await sessionCookieFor(baseURL, demo.kari);
  cookies.admin = await sessionCookieFor(baseURL, demo.admin);
  const res = await fetch(`${baseURL}/api/search?q=utvikler&type=role`, { headers: { cookie: cookies.admin } });
  roleId = ((await res.json()) as { results: { conceptId: string }[] }).results[0]?.conceptId ?? "";
});

const paths = () => [
  "/",
  "/profile",
  "/search?q=java",
  "/matches",
  `/roles/${roleId}`,
  "/settings/privacy",
  "/privacy",
  "/admin/trends",
  "/admin/policy",
  "/api/search?q=jav&type=skill",
  "/api/me/export",
  "/api/admin/trends/csv",
  "/api/schemas/export-v1.json",
];

describe("no 5xx anywhere", () => {
  test.each(["kari", "admin"] as const)("every page and GET route as %s", async (who) => {
    expect(roleId).not.toBe("");
    const failures: string[] = [];
    for (const path of paths()) {
      const res = await fetch(`${baseURL}${path}`, { headers: { cookie: cookies[who] }, redirect: "manual" });
      await res.arrayBuffer();
      if (res.status >= 500) failures.push(`${path} → ${res.status}`);
    }
    expect(failures).toEqual([]);
  });
});
