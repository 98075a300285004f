import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ClerkProvider } from "@clerk/nextjs";
import { cookies, headers } from "next/headers";
import { chooseAdapters } from "@/env";
import { adapters } from "@/server/adapters";
import { MessagesProvider } from "@/i18n/client";
import { clientMessages } from "@/i18n/messages";
import { getMessages } from "@/i18n/server";
import { AnalyticsGate } from "@/components/consent/analytics-gate";
import { consentCookie, parseConsentCookie } from "@/components/consent/consent-cookie";
import { ConsentProvider } from "@/components/consent/consent-provider";
import { CookieBanner } from "@/components/consent/cookie-banner";
import { PolicyNotice } from "@/components/consent/policy-notice";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import "./globals.css";

export const metadata: Metadata = { title: { default: "Evne", template: "%s · Evne" }, description: "Skills profile and role matching" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale, m } = await getMessages();
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  const cookieChoice = parseConsentCookie((await cookies()).get(consentCookie)?.value);
  const body = (
    <html lang={locale}>
      <body>
        <MessagesProvider locale={locale} messages={clientMessages(m)}>
          <ConsentProvider initial={cookieChoice}>
            <a className="skip-link" href="#main">{locale === "nb" ? "Hopp til innhold" : "Skip to content"}</a>
            <SiteHeader />
            <PolicyNotice />
            <CookieBanner />
            <main id="main">{children}</main>
            <SiteFooter />
            <AnalyticsGate />
          </ConsentProvider>
        </MessagesProvider>
      </body>
    </html>
  );
  if (chooseAdapters(adapters().config).auth !== "clerk") return body;
  return <ClerkProvider nonce={nonce} dynamic>{body}</ClerkProvider>;
}
