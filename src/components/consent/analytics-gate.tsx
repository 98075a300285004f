"use client";
import { Analytics } from "@vercel/analytics/next";
import { useConsent } from "./consent-provider";

/**
 * Vercel Analytics, only while analytics consent is given and only on Vercel, where /_vercel/insights
 * exists (elsewhere its script would 404 on every page). Vercel sets NEXT_PUBLIC_VERCEL_ENV at build
 * time. The script is injected by our own (nonce-trusted) bundle, which the CSP's 'strict-dynamic' allows.
 */
export function AnalyticsGate() {
  const { choice } = useConsent();
  const onVercel = Boolean(process.env.NEXT_PUBLIC_VERCEL_ENV);
  return onVercel && choice?.analytics ? <Analytics /> : null;
}
