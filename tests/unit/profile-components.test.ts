// Server-side render of every profile section in both languages, empty and filled: they render,
// show the empty-state guidance, and never leak a message key or an untranslated placeholder.
import { createElement, type ComponentType, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test, vi } from "vitest";
import { MessagesProvider } from "@/i18n/client";
import { messagesFor } from "@/i18n/messages";
import type { Locale } from "@/i18n/locales";
import type { ProfileView } from "@/server/profile/queries";

vi.mock("@/server/profile/actions", () => ({ deleteExperienceAction: vi.fn(), deleteEducationAction: vi.fn() }));

const { AvatarControl } = await import("@/components/profile/avatar-control");
const { ContactSection } = await import("@/components/profile/contact-section");
const { EducationSection } = await import("@/components/profile/education-section");
const { ExperienceSection } = await import("@/components/profile/experience-section");
const { RolesSection } = await import("@/components/profile/roles-section");
const { SkillsSection } = await import("@/components/profile/skills-section");
const { completeness } = await import("@/components/profile/completeness");

const empty: ProfileView = {
  contact: { fullName: null, email: null, addressLine: null, postalCode: null, city: null, country: null, phone: null, preferredLanguage: null, avatarUrl: null },
  skills: [],
  roles: [],
  experiences: [],
  educations: [],
};

const filled: ProfileView = {
  contact: { ...empty.contact, fullName: "Kari Nordmann", email: "kari@example.no", phone: "+4791234567", city: "Bergen", preferredLanguage: "en", avatarUrl: "/api/files/avatar-1.webp" },
  skills: [
    { id: "s1", conceptId: "c1", label: "TypeScript", custom: false, level: 5 },
    { id: "s2", conceptId: null, label: "Sjøkart", custom: true, level: null },
  ],
  roles: [{ id: "r1", kind: "target", conceptId: "c9", label: "Fullstackutvikler", custom: false }],
  experiences: [
    { id: "e1", title: "Utvikler", organisation: "Acme", startDate: "2021-03-01", endDate: null, description: "Bygde ting", roleConceptId: null, roleLabel: null, userSkillIds: ["s1"] },
  ],
  educations: [{ id: "d1", institution: "UiB", qualification: "Bachelor", level: "Bachelor", field: "Informatikk", startDate: "2015-08-01", endDate: "2018-06-01" }],
};

function render(locale: Locale, view: ProfileView): string {
  const node = (c: ComponentType<never>, props: object): ReactNode => createElement(c as ComponentType<object>, props);
  return renderToStaticMarkup(
    createElement(
      // Children go in as createElement arguments; the provider's props type wants them as a prop.
      MessagesProvider as ComponentType<{ locale: Locale; messages: ReturnType<typeof messagesFor>; children?: ReactNode }>,
      { locale, messages: messagesFor(locale) },
      node(AvatarControl, { key: "a", url: view.contact.avatarUrl, name: view.contact.fullName ?? "Demo" }),
      node(ContactSection, { key: "c", contact: view.contact }),
      node(SkillsSection, { key: "s", skills: view.skills }),
      node(RolesSection, { key: "r", roles: view.roles }),
      node(ExperienceSection, { key: "e", experiences: view.experiences, skills: view.skills }),
      node(EducationSection, { key: "d", educations: view.educations }),
    ),
  );
}

describe("profile sections", () => {
  test.each(["nb", "en"] as const)("empty profile in %s says what to do next", (locale) => {
    const m = messagesFor(locale).profile;
    const html = render(locale, empty);
    for (const text of [m.contact.emptyTitle, m.skills.emptyTitle, m.roles.emptyTarget, m.experience.emptyTitle, m.education.emptyTitle, m.avatar.upload]) {
      expect(html).toContain(text.replace(/&/g, "&amp;"));
    }
    expect(html).not.toMatch(/\{\w+\}/);
  });

  test.each(["nb", "en"] as const)("filled profile in %s shows its entries", (locale) => {
    const html = render(locale, filled);
    for (const text of ["Kari Nordmann", "+47 912 34 567", "TypeScript", "Sjøkart", "Fullstackutvikler", "Utvikler", "Bachelor", "/api/files/avatar-1.webp"]) {
      expect(html).toContain(text);
    }
    expect(html).toContain(locale === "nb" ? "mars 2021 – nå" : "Mar 2021 – present");
    expect(html).not.toMatch(/\{\w+\}/);
  });

  test("completeness counts the five sections and names the next one", () => {
    expect(completeness(empty)).toEqual({ percent: 0, next: "contact" });
    expect(completeness(filled)).toEqual({ percent: 100, next: null });
    expect(completeness({ ...filled, roles: [{ ...filled.roles[0], kind: "current" } as ProfileView["roles"][number]] })).toEqual({ percent: 80, next: "roles" });
  });
});
