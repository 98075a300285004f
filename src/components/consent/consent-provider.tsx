"use client";
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { saveCookieChoice } from "@/server/privacy/actions";
import type { CookieChoice } from "./consent-cookie";

type ConsentContextValue = {
  choice: CookieChoice | null;
  bannerOpen: boolean;
  pending: boolean;
  failed: boolean;
  choose(analytics: boolean, source?: "cookie_banner" | "settings"): Promise<boolean>;
  reopen(): void;
};

const ConsentContext = createContext<ConsentContextValue | null>(null);

/** Vercel Analytics leaves its script tag and queue behind when unmounted; withdrawal removes them too. */
function removeAnalyticsTraces() {
  document.querySelectorAll('script[src*="/_vercel/insights"], script[src*="va.vercel-scripts.com"]').forEach((s) => s.remove());
  delete window.va;
  delete window.vaq;
  delete window.vai;
}

/** Holds the cookie choice for the whole page: the banner, the footer link and the analytics gate share it. */
export function ConsentProvider(props: { initial: CookieChoice | null; children: ReactNode }) {
  const [choice, setChoice] = useState<CookieChoice | null>(props.initial);
  const [bannerOpen, setBannerOpen] = useState(props.initial === null);
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);

  const choose = useCallback(async (analytics: boolean, source: "cookie_banner" | "settings" = "cookie_banner") => {
    setPending(true);
    setFailed(false);
    try {
      const result = await saveCookieChoice({ analytics, source });
      if (!result.ok) {
        setFailed(true);
        return false;
      }
      if (!analytics) removeAnalyticsTraces();
      setChoice({ analytics });
      setBannerOpen(false);
      return true;
    } catch {
      setFailed(true);
      return false;
    } finally {
      setPending(false);
    }
  }, []);

  const reopen = useCallback(() => setBannerOpen(true), []);
  const value = useMemo(() => ({ choice, bannerOpen, pending, failed, choose, reopen }), [choice, bannerOpen, pending, failed, choose, reopen]);
  return <ConsentContext value={value}>{props.children}</ConsentContext>;
}

export function useConsent(): ConsentContextValue {
  const value = useContext(ConsentContext);
  if (!value) throw new Error("useConsent must be used inside ConsentProvider");
  return value;
}
