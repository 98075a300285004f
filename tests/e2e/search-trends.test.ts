// Searching skills and roles in both languages, and the admin's trends page with its CSV download.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { demo, dismissCookieBanner, openSession, screenshot, signIn, type Session } from "./support/browser";

let session: Session;
beforeAll(async () => {
  session = await openSession();
});
afterAll(async () => {
  await session.close();
});

const cases = [
  { locale: "nb", box: "Søk etter ferdighet eller rolle", skills: "Ferdigheter", roles: "Roller", skill: "jav", role: "utvikler", count: /\d+ treff/ },
  { locale: "en", box: "Search for a skill or role", skills: "Skills", roles: "Roles", skill: "jav", role: "developer", count: /\d+ results?/ },
] as const;

describe("search", () => {
  test.each(cases)("skills and roles are found in $locale", async (c) => {
    const page = await (await session.newContext(c.locale)).newPage();
    await signIn(page, demo.ola);
    await dismissCookieBanner(page);
    await page.goto("/search");
    const box = page.getByLabel(c.box);
    await box.fill(c.skill);
    const skillList = page.getByRole("list", { name: c.skills });
    await skillList.waitFor({ state: "visible" });
    expect(await skillList.getByRole("listitem").count()).toBeGreaterThan(0);
    expect(await skillList.innerText()).toMatch(/java/i);
    expect(await page.getByRole("status").innerText()).toMatch(c.count);

    await page.getByText(c.roles, { exact: true }).click();
    await box.fill(c.role);
    const roleList = page.getByRole("list", { name: c.roles });
    await roleList.waitFor({ state: "visible" });
    const first = roleList.getByRole("link").first();
    const roleLabel = await first.innerText();
    expect(roleLabel.length).toBeGreaterThan(0);
    await screenshot(page, `search-results-${c.locale}`);
    await Promise.all([page.waitForURL((u) => u.pathname.startsWith("/roles/")), first.click()]);
    await expect.poll(() => page.locator("h1").innerText()).toBe(roleLabel);
  });
});

describe("admin trends", () => {
  test("the admin downloads the trends CSV", async () => {
    const page = await (await session.newContext("en")).newPage();
    await signIn(page, demo.admin);
    await dismissCookieBanner(page);
    await page.goto("/admin/trends");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const file = await download.path();
    const csv = readFileSync(file, "utf8");
    const header = csv.replace(/^\uFEFF/, "").split(/\r?\n/)[0] ?? "";
    expect(header.split(",").length).toBeGreaterThan(1);
  });

  test.each([
    { locale: "nb", searches: "Søk per dag", top: "Mest søkte", rising: "Stigende", trend: /^Utvikling for «(.+)»$/ },
    { locale: "en", searches: "Searches per day", top: "Most searched", rising: "Rising", trend: /^Trend for “(.+)”$/ },
  ] as const)("the dashboard in $locale: time series, a trend line picked from a list, growth, room on a phone", async (c) => {
    const page = await (await session.newContext(c.locale)).newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, demo.admin);
    await dismissCookieBanner(page);
    await page.goto("/admin/trends");
    const figure = (name: string | RegExp) => page.getByRole("figure", { name });
    await figure(c.searches).locator("svg.recharts-surface").first().waitFor({ state: "visible" });
    const trend = figure(c.trend);
    await trend.waitFor({ state: "visible" });
    // Rising is drawn by growth: every bar's figure is a percentage.
    const rising = await figure(c.rising).getByRole("listitem").allInnerTexts();
    for (const row of rising) expect(row).toMatch(/%/);
    // Picking another name in "Most searched" draws its trend line.
    const second = figure(c.top).getByRole("link").nth(1);
    const name = await second.innerText();
    await second.click();
    await expect.poll(async () => (await figure(c.trend).locator("figcaption").innerText()).match(c.trend)?.[1]).toBe(name);
    await screenshot(page, `admin-trends-dashboard-${c.locale}`);

    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, `admin-trends-phone-${c.locale}`);
  });

  test("the CSV is a plain 404 for anyone else", async () => {
    const page = await (await session.newContext("en")).newPage();
    expect((await page.request.get("/api/admin/trends/csv?period=30&type=skill")).status()).toBe(404);
    await signIn(page, demo.kari);
    expect((await page.request.get("/api/admin/trends/csv?period=30&type=skill")).status()).toBe(404);
  });
});
