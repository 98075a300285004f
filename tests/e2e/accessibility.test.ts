// axe-core on every main page, in Norwegian and English, signed out, as a user and as the admin:
// no serious or critical WCAG 2.1 A/AA violation. Saves a screenshot of each page as it goes.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { demo, openSession, screenshot, signIn, type Session } from "./support/browser";

type Who = "anonymous" | "kari" | "admin";
const pages: { route: string; name: string; who: Who }[] = [
  { route: "/", name: "home", who: "anonymous" },
  { route: "/sign-in", name: "sign-in", who: "anonymous" },
  { route: "/privacy", name: "privacy", who: "anonymous" },
  { route: "/no-such-page", name: "not-found", who: "anonymous" },
  { route: "/", name: "home-signed-in", who: "kari" },
  { route: "/profile", name: "profile", who: "kari" },
  { route: "/search", name: "search", who: "kari" },
  { route: "/matches", name: "matches", who: "kari" },
  { route: "/settings/privacy", name: "settings-privacy", who: "kari" },
  { route: "/admin/trends", name: "admin-trends", who: "admin" },
];

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(" | ")}`);
}

let session: Session;
const signedIn = new Map<string, Page>();

async function pageFor(who: Who, locale: "nb" | "en"): Promise<Page> {
  const key = `${who}:${locale}`;
  const known = signedIn.get(key);
  if (known) return known;
  const page = await (await session.newContext(locale)).newPage();
  if (who !== "anonymous") await signIn(page, demo[who]);
  signedIn.set(key, page);
  return page;
}

beforeAll(async () => {
  session = await openSession();
});
afterAll(async () => {
  await session.close();
});

describe.each(["nb", "en"] as const)("accessibility (%s)", (locale) => {
  test.each(pages)("$name ($route as $who) has no serious or critical axe violation", async ({ route, name, who }) => {
    const page = await pageFor(who, locale);
    await page.goto(route);
    await page.waitForLoadState("networkidle");
    expect(await page.locator("html").getAttribute("lang")).toBe(locale);
    await screenshot(page, `${name}-${locale}`);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe("keyboard", () => {
  test("the skip link is the first stop and moves focus to the main content", async () => {
    const page = await pageFor("anonymous", "en");
    await page.goto("/privacy");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to content");
    await page.keyboard.press("Enter");
    expect(new URL(page.url()).hash).toBe("#main");
  });

  test("a visitor signs in with the keyboard alone", async () => {
    const page = await (await session.newContext("en")).newPage();
    await page.goto("/sign-in");
    await page.locator('input[name="email"]').focus();
    await page.keyboard.type(demo.ola.email);
    await page.keyboard.press("Tab");
    await page.keyboard.type(demo.ola.displayName);
    await Promise.all([page.waitForURL((url) => url.pathname === "/profile"), page.keyboard.press("Enter")]);
    await expect.poll(() => page.getByRole("banner").innerText()).toContain("Signed in as Ola Hansen");
  });
});
