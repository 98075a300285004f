// Security headers as `next start` serves them, on pages and API routes, and the nonce on every
// inline script (a browser would refuse any script without it).
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { openSession, type Session } from "./support/browser";

const baseURL = inject("baseURL");

/** GET route handlers under src/app/api, as URL paths with dynamic segments filled in. */
function apiGetPaths(): string[] {
  const apiDir = path.resolve(import.meta.dirname, "..", "..", "src", "app", "api");
  const found: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry === "route.ts") found.push(`/api/${segments.join("/")}`);
      else if (!entry.includes(".")) {
        const segment = entry.replace(/^\[\.{0,3}(.+)\]$/, "00000000-0000-4000-8000-000000000000");
        walk(path.join(dir, entry), entry.startsWith("(") ? segments : [...segments, segment]);
      }
    }
  };
  walk(apiDir, []);
  return found;
}

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(";").map((d) => d.trim()).filter(Boolean).map((d) => {
      const [name = "", ...values] = d.split(/\s+/);
      return [name, values] as const;
    }),
  );
}

function expectSecurityHeaders(res: Response, where: string): void {
  const h = res.headers;
  const csp = h.get("content-security-policy");
  expect(csp, `${where}: CSP`).toBeTruthy();
  const d = directives(csp ?? "");
  const scriptSrc = d.get("script-src") ?? d.get("default-src") ?? [];
  expect(scriptSrc.some((v) => /^'nonce-[A-Za-z0-9+/=_-]{16,}'$/.test(v)), `${where}: script-src nonce`).toBe(true);
  expect(scriptSrc, `${where}: script-src`).not.toContain("'unsafe-inline'");
  expect(scriptSrc, `${where}: script-src`).not.toContain("'unsafe-eval'");
  expect(d.get("frame-ancestors"), `${where}: frame-ancestors`).toEqual(["'none'"]);
  expect(d.get("object-src"), `${where}: object-src`).toEqual(["'none'"]);
  expect(h.get("strict-transport-security"), `${where}: HSTS`).toMatch(/max-age=(\d{8,})/);
  expect(Number(/max-age=(\d+)/.exec(h.get("strict-transport-security") ?? "")?.[1])).toBeGreaterThanOrEqual(31_536_000);
  expect(h.get("x-content-type-options"), `${where}: nosniff`).toBe("nosniff");
  expect(h.get("referrer-policy"), `${where}: Referrer-Policy`).toMatch(/^(strict-origin-when-cross-origin|no-referrer|same-origin|strict-origin)$/);
  const permissions = h.get("permissions-policy") ?? "";
  for (const feature of ["camera", "microphone", "geolocation"]) expect(permissions, `${where}: Permissions-Policy`).toContain(`${feature}=()`);
  expect(h.get("x-powered-by"), `${where}: X-Powered-By`).toBeNull();
}

describe("security headers", () => {
  test.each(["/", "/sign-in", "/privacy"])("the page %s carries CSP, HSTS, frame-ancestors, Referrer-Policy, Permissions-Policy, nosniff", async (route) => {
    const res = await fetch(`${baseURL}${route}`, { redirect: "manual" });
    expect(res.status).toBe(200);
    expectSecurityHeaders(res, route);
  });

  test("a fresh nonce per response", async () => {
    const nonce = async () => /'nonce-([^']+)'/.exec((await fetch(`${baseURL}/`)).headers.get("content-security-policy") ?? "")?.[1];
    const [a, b] = [await nonce(), await nonce()];
    expect(a).toBeTruthy();
    expect(a).not.toBe(b);
  });

  test("API routes carry the same headers, answered or not", async () => {
    const paths = [...apiGetPaths(), "/api/no-such-route"];
    for (const route of paths) {
      const res = await fetch(`${baseURL}${route}`, { redirect: "manual" });
      expectSecurityHeaders(res, `GET ${route} (${res.status})`);
    }
  });

  test.each(["/", "/sign-in", "/privacy"])("every <script> on %s carries the response's nonce", async (route) => {
    const res = await fetch(`${baseURL}${route}`);
    const nonce = /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1];
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1] ?? "");
    expect(scripts.length).toBeGreaterThan(0);
    const withoutNonce = scripts.filter((attrs) => !attrs.includes(`nonce="${nonce}"`));
    expect(withoutNonce).toEqual([]);
  });
});

describe("CSP in the browser", () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession();
  });
  afterAll(async () => {
    await session.close();
  });

  test("pages hydrate with no CSP violation and no console error", async () => {
    const context = await session.newContext("nb");
    await context.addInitScript(() => {
      const seen: string[] = [];
      Object.defineProperty(window, "__cspViolations", { value: seen });
      document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const page = await context.newPage();
    for (const route of ["/", "/sign-in", "/privacy"]) {
      await page.goto(route);
      await page.waitForLoadState("networkidle");
      const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
      expect(violations, route).toEqual([]);
    }
    // Client components work, so hydration (nonce'd scripts) ran: the language switch re-renders.
    await page.getByRole("button", { name: "English" }).click();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
    expect(session.problems).toEqual([]);
  });
});
