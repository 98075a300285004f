// Matches for a seeded user: ranked roles with reasons and a gap plan; skills found in pasted text
// are accepted onto the profile.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { demo, dismissCookieBanner, openSession, screenshot, signIn, type Session } from "./support/browser";

let session: Session;
beforeAll(async () => {
  session = await openSession();
});
afterAll(async () => {
  await session.close();
});

describe("matches", () => {
  test("roles are listed with a score, reasons and a gap plan", async () => {
    const page = await (await session.newContext("en")).newPage();
    await signIn(page, demo.kari);
    await dismissCookieBanner(page);
    await page.goto("/matches");
    const ranked = page.getByRole("list", { name: "Roles that fit you" });
    await ranked.waitFor({ state: "visible" });
    const first = ranked.getByRole("listitem").first();
    expect(await first.getByRole("link").count()).toBeGreaterThan(0);
    expect(Number(await first.getByRole("meter").first().getAttribute("aria-valuenow"))).toBeGreaterThan(0);
    expect((await first.innerText()).length).toBeGreaterThan(20);
    const gap = page.getByRole("region", { name: "The way to your target roles" });
    expect(await gap.isVisible()).toBe(true);
    expect(await gap.getByRole("listitem").count()).toBeGreaterThan(0);
    await screenshot(page, "matches-filled-en");
  });

  test("skills found in pasted text are accepted onto the profile", async () => {
    const page = await (await session.newContext("en")).newPage();
    await signIn(page, demo.ola);
    await dismissCookieBanner(page);
    await page.goto("/matches");
    const panel = page.getByRole("region", { name: "Find skills in a text" });
    await panel.getByLabel("Text").fill("I built websites in TypeScript and React, and was responsible for first aid at work.");
    await panel.getByRole("button", { name: "Find skills" }).click();
    await expect.poll(() => panel.innerText()).toMatch(/We found \d+ skills/);
    const candidate = panel.getByRole("listitem").filter({ has: page.getByRole("button", { name: "Accept" }) }).first();
    const label = (await candidate.locator("strong").innerText()).trim();
    // Pin the row by its skill: once accepted it no longer has an Accept button.
    const item = panel.getByRole("listitem").filter({ has: page.locator("strong", { hasText: label }) }).first();
    await item.getByRole("button", { name: "Accept" }).click();
    await expect.poll(() => item.innerText()).toContain("Added to your profile");
    await page.goto("/profile");
    expect(await page.getByRole("region", { name: "Skills" }).innerText()).toContain(label);
  });

  test("no console error or failed request along the way", () => {
    expect(session.problems).toEqual([]);
  });
});
