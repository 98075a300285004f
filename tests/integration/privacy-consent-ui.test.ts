import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test, vi } from "vitest";
import type { CookieChoice } from "@/components/consent/consent-cookie";

// A visible stand-in for Vercel Analytics, so the markup shows whether it was rendered at all.
vi.mock("@vercel/analytics/next", async () => {
  const react = await import("react");
  return { Analytics: () => react.createElement("i", { "data-vercel-analytics": "on" }) };
});
vi.mock("@/server/privacy/actions", () => ({ saveCookieChoice: vi.fn() }));

const { MessagesProvider } = await import("@/i18n/client");
const { messagesFor } = await import("@/i18n/messages");
const { ConsentProvider } = await import("@/components/consent/consent-provider");
const { CookieBanner, CookieSettingsButton } = await import("@/components/consent/cookie-banner");
const { AnalyticsGate } = await import("@/components/consent/analytics-gate");

function page(initial: CookieChoice | null, locale: "nb" | "en" = "en") {
  return renderToStaticMarkup(
    h(MessagesProvider, {
      locale,
      messages: messagesFor(locale),
      children: h(ConsentProvider, {
        initial,
        children: [h(CookieBanner, { key: "b" }), h(AnalyticsGate, { key: "a" }), h(CookieSettingsButton, { key: "c", label: "Cookies" })],
      }),
    }),
  );
}

describe("cookie banner", () => {
  test("first visit: the banner offers both choices as equal buttons, and analytics is not loaded", () => {
    const html = page(null);
    expect(html).toContain('data-testid="cookie-banner"');
    const buttons = [...html.matchAll(/<button[^>]*class="([^"]*)"[^>]*>([^<]*)<\/button>/g)].map((m) => ({ cls: m[1], text: m[2] }));
    const necessary = buttons.find((b) => b.text === "Necessary only");
    const analytics = buttons.find((b) => b.text === "Necessary + analytics");
    expect(necessary?.cls).toBe("btn");
    expect(analytics?.cls).toBe(necessary?.cls);
    expect(html).not.toContain("data-vercel-analytics");
  });

  test("necessary only: no banner and no analytics", () => {
    const html = page({ analytics: false });
    expect(html).not.toContain('data-testid="cookie-banner"');
    expect(html).not.toContain("data-vercel-analytics");
  });

  test("analytics consent on Vercel: analytics is rendered, the banner is closed, the footer link can reopen it", () => {
    vi.stubEnv("NEXT_PUBLIC_VERCEL_ENV", "production");
    const html = page({ analytics: true });
    vi.unstubAllEnvs();
    expect(html).toContain("data-vercel-analytics");
    expect(html).not.toContain('data-testid="cookie-banner"');
    expect(html).toMatch(/<button[^>]*>Cookies<\/button>/);
  });

  test("analytics consent elsewhere: no analytics, whose script would not exist off Vercel", () => {
    vi.stubEnv("NEXT_PUBLIC_VERCEL_ENV", "");
    const html = page({ analytics: true });
    vi.unstubAllEnvs();
    expect(html).not.toContain("data-vercel-analytics");
    expect(html).not.toContain('data-testid="cookie-banner"');
  });

  test("Norwegian texts", () => {
    const html = page(null, "nb");
    expect(html).toContain("Bare nødvendige");
    expect(html).toContain("Nødvendige + analyse");
  });
});
