// The profile journey: a new user fills every section, uploads an avatar, sees it all after a
// reload, and finds it again in the JSON export.
import sharp from "sharp";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { dismissCookieBanner, openSession, screenshot, signIn, type Session } from "./support/browser";

let session: Session;
let page: Page;
const who = { email: "e2e-profile@evne.local", displayName: "Eva Tester" };

beforeAll(async () => {
  session = await openSession();
  page = await (await session.newContext("en")).newPage();
  await signIn(page, who);
  await dismissCookieBanner(page);
});
afterAll(async () => {
  await session.close();
});

function section(name: string) {
  return page.getByRole("region", { name });
}

/** Types into a taxonomy combobox and picks the first suggestion; returns its label. */
async function pickFirst(comboboxName: string, text: string): Promise<string> {
  const box = page.getByRole("combobox", { name: comboboxName });
  await box.fill(text);
  const option = page.getByRole("listbox").getByRole("option").first();
  await option.waitFor({ state: "visible" });
  const label = (await option.innerText()).split("\n")[0]?.trim() ?? "";
  await option.click();
  return label;
}

describe("profile", () => {
  test("contact details are saved and shown", async () => {
    await page.goto("/profile");
    const contact = section("Contact details");
    // Sign-in already put the e-mail and name in, so the section may say "Edit" rather than "Fill in".
    await contact.getByRole("button", { name: /^(Fill in|Edit)$/ }).click();
    await contact.getByLabel("Name").fill("Eva Testersen");
    await contact.getByLabel("E-mail").fill("eva@example.com");
    await contact.getByLabel("Phone", { exact: true }).fill("912 34 567");
    await contact.getByLabel("Address").fill("Storgata 1");
    await contact.getByLabel("Postal code").fill("0155");
    await contact.getByLabel("City").fill("Oslo");
    await contact.getByLabel("Country").fill("Norway");
    await contact.getByLabel("Preferred language").selectOption("en");
    await contact.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => contact.innerText()).toContain("Saved.");
    const text = await contact.innerText();
    for (const shown of ["eva@example.com", "+47 912 34 567", "Storgata 1, 0155 Oslo, Norway"]) expect(text).toContain(shown);
    // The header greets by the name just saved.
    await expect.poll(() => page.getByRole("banner").innerText()).toContain("Signed in as Eva Testersen");
  });

  let skill = "";
  test("a skill from the taxonomy is added with a level", async () => {
    const skills = section("Skills");
    await skills.getByLabel("Level for new skills").selectOption({ index: 4 });
    skill = await pickFirst("Add a skill", "python");
    expect(skill).not.toBe("");
    await expect.poll(() => skills.innerText()).toContain(`“${skill}” has been added.`);
    await expect.poll(() => skills.getByRole("listitem").count()).toBe(1);
  });

  test("a custom skill is added when the list has no match", async () => {
    const skills = section("Skills");
    await skills.getByRole("combobox", { name: "Add a skill" }).fill("Zqxj juggling");
    await skills.getByRole("option", { name: /Zqxj juggling/ }).click();
    await expect.poll(() => skills.getByRole("listitem").count()).toBe(2);
    expect(await skills.innerText()).toContain("custom");
  });

  let role = "";
  test("a current and a target role are added", async () => {
    const roles = section("Roles and goals");
    await pickFirst("Add a current role", "developer");
    role = await pickFirst("Add a target role", "nurse");
    await expect.poll(() => roles.getByRole("button", { name: `Remove ${role}` }).count()).toBe(1);
  });

  test("an experience and an education are added", async () => {
    const experience = section("Experience");
    await experience.getByRole("button", { name: "Add experience" }).click();
    const form = experience.getByRole("form", { name: "New experience" });
    // Opening the form puts focus in its first field, so typing goes straight in.
    await expect.poll(() => form.getByLabel("Job title").evaluate((el) => el === document.activeElement)).toBe(true);
    await form.getByLabel("Job title").fill("Backend developer");
    await form.getByLabel("Organisation").fill("Fjord Data AS");
    await form.getByLabel("From").fill("2020-1"); // read as 2020-01 when the field is left
    await form.getByLabel("To").fill("2023-06");
    await form.getByLabel("Description").fill("Built APIs for public services.");
    await form.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => experience.innerText()).toContain("Backend developer");
    expect(await experience.innerText()).toContain("Jan 2020");

    const education = section("Education");
    await education.getByRole("button", { name: "Add education" }).click();
    const eduForm = education.getByRole("form", { name: "New education" });
    await eduForm.getByLabel("School or institution").fill("University of Oslo");
    await eduForm.getByLabel("Degree or qualification").fill("Bachelor of Informatics");
    await eduForm.getByLabel("From").fill("2016-08");
    await eduForm.getByLabel("To").fill("2019-06");
    await eduForm.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => education.innerText()).toContain("Bachelor of Informatics");
  });

  test("an avatar PNG is uploaded and shown as the profile picture", async () => {
    const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 30, g: 90, b: 200 } } }).png().toBuffer();
    await page.locator('input[type="file"]').setInputFiles({ name: "me.png", mimeType: "image/png", buffer: png });
    const img = page.getByRole("img", { name: "Profile picture" });
    await img.waitFor({ state: "visible" });
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    expect(await page.getByRole("button", { name: "Change picture" }).count()).toBe(1);
  });

  test("everything is still there after a reload, and the profile is complete", async () => {
    await page.reload();
    // The profile streams in behind its loading state: read it once the last part has arrived.
    await page.getByText("Your profile is 100% complete").waitFor();
    const main = await page.locator("main").innerText();
    for (const shown of ["Eva Tester", "eva@example.com", skill, "Zqxj juggling", role, "Backend developer", "Bachelor of Informatics"]) {
      expect(main).toContain(shown);
    }
    expect(main).toContain("Your profile is 100% complete");
    await screenshot(page, "profile-filled-en");
  });

  test("the JSON export holds what was entered", async () => {
    const res = await page.request.get("/api/me/export");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-disposition"]).toMatch(/attachment/);
    const text = await res.text();
    for (const entered of ["eva@example.com", "Storgata 1", skill, "Zqxj juggling", "Backend developer", "Fjord Data AS", "University of Oslo"]) {
      expect(text).toContain(entered);
    }
    // Role labels are exported in the account's language, which need not be the page's: check the rows.
    const exported = JSON.parse(text) as { roles?: { kind?: string }[] };
    expect((exported.roles ?? []).map((r) => r.kind).sort()).toEqual(["current", "target"]);
  });

  test("removing a skill asks first in a dialog: Escape keeps it, Remove removes it", async () => {
    const skills = section("Skills");
    const remove = skills.getByRole("button", { name: "Remove Zqxj juggling" });
    await remove.click();
    const dialog = page.getByRole("dialog", { name: "Remove “Zqxj juggling” from your profile?" });
    await dialog.waitFor({ state: "visible" });
    // Focus starts on the safe choice, inside the dialog.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Cancel");
    await screenshot(page, "profile-confirm-remove-en");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Remove Zqxj juggling");
    expect(await skills.innerText()).toContain("Zqxj juggling");

    await remove.click();
    await dialog.getByRole("button", { name: "Remove" }).click();
    await expect.poll(() => skills.getByRole("listitem").count()).toBe(1);
    expect(await skills.innerText()).not.toContain("Zqxj juggling");
    // The removed row took its button with it: focus waits on the section heading, not on the page body.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("skills-heading");
  });

  test("no console error or failed request along the way", () => {
    expect(session.problems).toEqual([]);
  });
});
