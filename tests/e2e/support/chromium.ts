// The system Chromium through playwright-core (browsers cannot be downloaded here), with the flags
// that keep it headless, sandbox-free as root, and off the network. Free of vitest, so scripts use it.
import { chromium, type Browser, type Page } from "playwright-core";

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

/** launch() gives every browser a fresh, throw-away --user-data-dir of its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: flags });
}

export const demo = {
  kari: { email: "kari@evne.local", displayName: "Kari Nordmann" },
  ola: { email: "ola@evne.local", displayName: "Ola Hansen" },
  admin: { email: "admin@evne.local", displayName: "Admin Evne" },
} as const;

/** Local sign-in through the real form; resolves on the page the form redirects to. */
export async function signIn(page: Page, who: { email: string; displayName: string }, next?: string): Promise<void> {
  await page.goto(next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in");
  await page.locator('input[name="email"]').fill(who.email);
  await page.locator('input[name="displayName"]').fill(who.displayName);
  await Promise.all([page.waitForURL((url) => url.pathname !== "/sign-in"), page.locator('form button[type="submit"]').click()]);
}

/** Signs a demo user in with a real browser and returns the session cookie as a Cookie header. */
export async function sessionCookieFor(baseURL: string, who: { email: string; displayName: string }): Promise<string> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ baseURL });
    await signIn(await context.newPage(), who);
    const cookies = await context.cookies(baseURL);
    const session = cookies.find((c) => c.name === "evne_session");
    if (!session) throw new Error(`signing in ${who.email} set no evne_session cookie`);
    return `${session.name}=${session.value}`;
  } finally {
    await browser.close();
  }
}
