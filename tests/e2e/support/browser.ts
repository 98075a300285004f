// playwright-core driving the system Chromium (no browser download here): headless, offline-safe
// flags, a fresh profile per launch, and helpers every journey uses.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from "playwright-core";
import { inject } from "vitest";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const flags = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

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
  // launch() gives every browser a fresh, throw-away --user-data-dir of its own.
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: flags });
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

/** Local sign-in through the real form; resolves on the page the form redirects to. */
export async function signIn(page: Page, who: { email: string; displayName: string }, next?: string): Promise<void> {
  await page.goto(next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in");
  await page.locator('input[name="email"]').fill(who.email);
  await page.locator('input[name="displayName"]').fill(who.displayName);
  await Promise.all([page.waitForURL((url) => url.pathname !== "/sign-in"), page.locator('form button[type="submit"]').click()]);
}

export const demo = {
  kari: { email: "kari@evne.local", displayName: "Kari Nordmann" },
  ola: { email: "ola@evne.local", displayName: "Ola Hansen" },
  admin: { email: "admin@evne.local", displayName: "Admin Evne" },
} as const;

export const screenshotDir = path.resolve(import.meta.dirname, "..", "..", "..", "test-results", "screenshots");

/** Full-page screenshot under test-results/screenshots/<name>.png (git-ignored). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}
