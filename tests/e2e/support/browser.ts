// One browser per test file, a context (own cookies) per journey, problems collected, screenshots.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, ConsoleMessage, Page } from "playwright-core";
import { inject } from "vitest";
import { launchChromium } from "./chromium";

export { demo, signIn } from "./chromium";

export type Session = {
  baseURL: string;
  browser: Browser;
  /** Console errors and page errors seen so far, including CSP violations. */
  problems: string[];
  newContext: (locale?: "nb" | "en") => Promise<BrowserContext>;
  close: () => Promise<void>;
};

/** One browser for a test file; each journey opens its own context (own cookies). */
export async function openSession(): Promise<Session> {
  const baseURL = inject("baseURL");
  const browser = await launchChromium();
  const problems: string[] = [];
  const contexts: BrowserContext[] = [];
  return {
    baseURL,
    browser,
    problems,
    async newContext(locale) {
      const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
      if (locale) await context.addCookies([{ name: "evne_locale", value: locale, url: baseURL }]);
      context.on("page", (page) => watchProblems(page, problems));
      contexts.push(context);
      return context;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
    },
  };
}

function watchProblems(page: Page, problems: string[]): void {
  page.on("console", (message: ConsoleMessage) => {
    // A failed load is reported below with its URL; a page we expect to 404 is asserted by its test.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) problems.push(`${page.url()}: ${message.text()}`);
  });
  page.on("response", (response) => {
    const request = response.request();
    if (response.status() >= 400 && !request.isNavigationRequest()) problems.push(`${page.url()}: ${response.status()} for ${request.method()} ${response.url()}`);
  });
  page.on("pageerror", (error) => problems.push(`${page.url()}: ${error.message}`));
}

export const screenshotDir = path.resolve(import.meta.dirname, "..", "..", "..", "test-results", "screenshots");

/** Full-page screenshot under test-results/screenshots/<name>.png (git-ignored). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Answers the cookie banner with "necessary only" if it is showing, so it covers nothing. */
export async function dismissCookieBanner(page: Page): Promise<void> {
  const banner = page.getByTestId("cookie-banner");
  if (await banner.isVisible()) {
    await banner.getByRole("button").first().click();
    await banner.waitFor({ state: "hidden" });
  }
}
