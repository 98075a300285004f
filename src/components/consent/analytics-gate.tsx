"use client";
import { Analytics } from "@vercel/analytics/next";
import { useConsent } from "./consent-provider";

/**
 * Vercel Analytics, only while analytics consent is given. Its script is injected by our own
 * (nonce-trusted) bundle, which the CSP's 'strict-dynamic' allows; it reports to same-origin /_vercel.
 */
export function AnalyticsGate() {
  const { choice } = useConsent();
  return choice?.analytics ? <Analytics /> : null;
}
