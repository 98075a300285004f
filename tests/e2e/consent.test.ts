// The cookie banner gates analytics: no Vercel Insights script before consent or after "necessary
// only"; it loads only after "necessary + analytics".
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

  test("'necessary + analytics' loads the analytics script", async () => {
    const { page, insightRequests } = await openWatched();
    await page.goto("/");
    await page.waitForLoadState("networkidle");
    expect(insightRequests).toEqual([]);
    await page.getByRole("button", { name: "Necessary + analytics" }).click();
    await expect.poll(() => insightsScripts(page)).toBeGreaterThan(0);
    await expect.poll(() => insightRequests.length).toBeGreaterThan(0);
  });
});
