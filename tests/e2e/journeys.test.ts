// Foundation journeys in a real browser: sign-in, language switch, guarded pages, privacy policy.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { demo, openSession, screenshot, signIn, type Session } from "./support/browser";

let session: Session;
beforeAll(async () => {
  session = await openSession();
});
afterAll(async () => {
  await session.close();
});

describe("foundation journeys", () => {
  test("a demo user signs in locally and lands on the profile, named in the header", async () => {
    const page = await (await session.newContext("nb")).newPage();
    await signIn(page, demo.kari);
    expect(new URL(page.url()).pathname).toBe("/profile");
    await expect.poll(() => page.getByRole("banner").innerText()).toContain("Innlogget som Kari Nordmann");
    await expect.poll(() => page.getByRole("button", { name: "Logg ut" }).count()).toBe(1);
  });

  test("the language switch changes the texts between Norwegian and English", async () => {
    const page = await (await session.newContext()).newPage();
    await page.goto("/");
    expect(await page.locator("html").getAttribute("lang")).toBe("nb");
    await expect.poll(() => page.locator("h1").innerText()).toBe("Kompetanseprofilen som jobber for deg");

    await page.getByRole("button", { name: "English" }).click();
    await expect.poll(() => page.locator("h1").innerText()).toBe("The skills profile that works for you");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.getByRole("link", { name: "Privacy policy" }).count()).toBe(1);

    await page.reload();
    await expect.poll(() => page.locator("h1").innerText()).toBe("The skills profile that works for you");
    await page.getByRole("button", { name: "Norsk" }).click();
    await expect.poll(() => page.locator("h1").innerText()).toBe("Kompetanseprofilen som jobber for deg");
  });

  test("a signed-out visitor who opens /profile is sent to sign-in and returns to the profile afterwards", async () => {
    const page = await (await session.newContext("nb")).newPage();
    await page.goto("/profile");
    // The page streams (it has a loading state), so the redirect may arrive after the first byte.
    await page.waitForURL((u) => u.pathname === "/sign-in");
    const url = new URL(page.url());
    expect(url.pathname).toBe("/sign-in");
    expect(url.searchParams.get("next")).toBe("/profile");
    await signIn(page, demo.ola, "/profile");
    expect(new URL(page.url()).pathname).toBe("/profile");
  });

  test("a non-admin gets a plain 404 on /admin/trends", async () => {
    const page = await (await session.newContext("en")).newPage();
    await signIn(page, demo.kari);
    const response = await page.goto("/admin/trends");
    expect(response?.status()).toBe(404);
    await expect.poll(() => page.locator("h1").innerText()).toBe("Page not found");
    expect(await page.getByRole("link", { name: "Admin" }).count()).toBe(0);
  });

  test("an anonymous visitor gets a plain 404 on /admin/trends", async () => {
    const page = await (await session.newContext("en")).newPage();
    const response = await page.goto("/admin/trends");
    expect(response?.status()).toBe(404);
  });

  test("the admin sees /admin/trends and its link in the header", async () => {
    const page = await (await session.newContext("en")).newPage();
    await signIn(page, demo.admin);
    await page.getByRole("navigation").getByRole("link", { name: "Admin" }).click();
    await page.waitForURL((url) => url.pathname === "/admin/trends");
    expect(await page.locator("h1").innerText()).not.toBe("Page not found");
    const response = await page.goto("/admin/trends");
    expect(response?.status()).toBe(200);
    await screenshot(page, "admin-trends-en");
  });

  test("the privacy policy shows its version and effective date in both languages", async () => {
    const nb = await (await session.newContext("nb")).newPage();
    await nb.goto("/privacy");
    expect(await nb.locator("h1").innerText()).toBe("Personvernerklæring");
    expect(await nb.locator("article").innerText()).toMatch(/Versjon \d+\.\d+, gjelder fra \d{1,2}\. \p{L}+ \d{4}/u);

    const en = await (await session.newContext("en")).newPage();
    await en.goto("/privacy");
    expect(await en.locator("h1").innerText()).toBe("Privacy policy");
    expect(await en.locator("article").innerText()).toMatch(/Version \d+\.\d+, effective \d{1,2} [A-Z][a-z]+ \d{4}/);
  });

  test("no page logged a console error or CSP violation along the way", () => {
    expect(session.problems).toEqual([]);
  });
});
