// Privacy rights in the browser: restrict, object, then delete the account; signing in again with
// the same e-mail finds none of the old data.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { dismissCookieBanner, openSession, screenshot, signIn, type Session } from "./support/browser";

let session: Session;
beforeAll(async () => {
  session = await openSession();
});
afterAll(async () => {
  await session.close();
});

const who = { email: "e2e-privacy@evne.local", displayName: "Pia Personvern" };

describe("privacy settings", () => {
  test("restrict, object, delete; a new sign-in starts from nothing", async () => {
    const page = await (await session.newContext("en")).newPage();
    await signIn(page, who);
    await dismissCookieBanner(page);

    // Something to delete: a custom skill on the profile.
    await page.goto("/profile");
    await page.getByRole("combobox", { name: "Add a skill" }).fill("Qwzx basket weaving");
    await page.getByRole("option", { name: /Qwzx basket weaving/ }).click();
    await expect.poll(() => page.getByRole("region", { name: "Skills" }).innerText()).toContain("Qwzx basket weaving");

    await page.goto("/settings/privacy");
    await screenshot(page, "settings-privacy-filled-en");
    await page.getByRole("button", { name: "Restrict processing" }).click();
    await expect.poll(() => page.locator("main").innerText()).toContain("Processing has been restricted since");
    await page.getByRole("button", { name: "Object", exact: true }).click();
    await expect.poll(() => page.locator("main").innerText()).toContain("You have objected since");
    await page.reload();
    const settled = await page.locator("main").innerText();
    expect(settled).toContain("Processing has been restricted since");
    expect(settled).toContain("You have objected since");

    const exported = await (await page.request.get("/api/me/export")).text();
    expect(exported).toContain("Qwzx basket weaving");

    const confirm = page.getByLabel(/Type your e-mail address/);
    await confirm.fill("someone-else@evne.local");
    expect(await page.getByRole("button", { name: "Delete my account for good" }).isDisabled()).toBe(true);
    await confirm.fill(who.email);
    await Promise.all([page.waitForURL((u) => u.pathname !== "/settings/privacy"), page.getByRole("button", { name: "Delete my account for good" }).click()]);
    await expect.poll(() => page.locator("main").innerText()).toContain("Your account is deleted");
    await expect.poll(() => page.getByRole("banner").innerText()).toContain("Sign in");

    await signIn(page, who);
    await page.goto("/profile");
    const profile = await page.locator("main").innerText();
    expect(profile).not.toContain("Qwzx basket weaving");
    await page.goto("/settings/privacy");
    const settings = await page.locator("main").innerText();
    expect(settings).toContain("Processing is not restricted.");
    expect(settings).toContain("You have not objected.");
    expect(await (await page.request.get("/api/me/export")).text()).not.toContain("Qwzx basket weaving");
  });

  test("no console error or failed request along the way", () => {
    expect(session.problems).toEqual([]);
  });
});
