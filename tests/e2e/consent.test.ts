// The cookie banner gates analytics: no Vercel Insights script before consent or after "necessary
// only"; after "necessary + analytics" it loads only on Vercel, where the script exists.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openSession, screenshot, type Session } from "./support/browser";

let session: Session;
beforeAll(async () => {
  session = await openSession();
});
afterAll(async () => {
  await session.close();
});

async function openWatched(): Promise<{ page: Page; insightRequests: string[] }> {
  const page = await (await session.newContext("en")).newPage();
  const insightRequests: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/_vercel/insights") || r.url().includes("va.vercel-scripts.com")) insightRequests.push(r.url());
  });
  return { page, insightRequests };
}

const insightsScripts = (page: Page) => page.locator('script[src*="/_vercel/insights"], script[src*="va.vercel-scripts.com"]').count();

describe("cookie banner", () => {
  test("before any choice the banner shows and no analytics script is loaded", async () => {
    const { page, insightRequests } = await openWatched();
    await page.goto("/");
    await page.waitForLoadState("networkidle");
    const banner = page.getByRole("region", { name: "Cookies" });
    expect(await banner.isVisible()).toBe(true);
    await screenshot(page, "cookie-banner-en");
    expect(await insightsScripts(page)).toBe(0);
    expect(insightRequests).toEqual([]);
  });

  test("'necessary only' keeps analytics off, also after a reload", async () => {
    const { page, insightRequests } = await openWatched();
    await page.goto("/");
    await page.getByRole("button", { name: "Necessary only" }).click();
    await page.getByRole("region", { name: "Cookies" }).waitFor({ state: "hidden" });
    await page.reload();
    await page.waitForLoadState("networkidle");
    expect(await page.getByRole("region", { name: "Cookies" }).count()).toBe(0);
    expect(await insightsScripts(page)).toBe(0);
    expect(insightRequests).toEqual([]);
  });

  // Vercel Analytics only exists on Vercel (NEXT_PUBLIC_VERCEL_ENV at build time); here, as on any
  // other host, consent is recorded but no script is requested that would answer 404.
  test("'necessary + analytics' outside Vercel records the choice and requests no script that is not there", async () => {
    const { page, insightRequests } = await openWatched();
    await page.goto("/");
    await page.waitForLoadState("networkidle");
    await page.getByRole("button", { name: "Necessary + analytics" }).click();
    await page.getByRole("region", { name: "Cookies" }).waitFor({ state: "hidden" });
    await page.reload();
    await page.waitForLoadState("networkidle");
    expect(await page.getByRole("region", { name: "Cookies" }).count()).toBe(0);
    expect(await insightsScripts(page)).toBe(0);
    expect(insightRequests).toEqual([]);
  });
});
