"use client";
import { useEffect, useRef } from "react";
import { useMessages } from "@/i18n/client";
import { useConsent } from "./consent-provider";
import styles from "./cookie-banner.module.css";

/**
 * Shown on first visit and whenever reopened from the footer. Both choices are the same kind of
 * button, same size and weight: refusing is exactly as easy as accepting.
 */
export function CookieBanner() {
  const { m, format } = useMessages();
  const { bannerOpen, choice, choose, pending, failed } = useConsent();
  const heading = useRef<HTMLHeadingElement>(null);
  const reopened = choice !== null;

  useEffect(() => {
    if (bannerOpen && reopened) heading.current?.focus();
  }, [bannerOpen, reopened]);

  if (!bannerOpen) return null;
  return (
    <section className={styles.banner} role="region" aria-labelledby="cookie-banner-title" data-testid="cookie-banner">
      <div className={styles.inner}>
      <h2 id="cookie-banner-title" ref={heading} tabIndex={-1}>{m.privacy.banner.title}</h2>
      <p>{m.privacy.banner.body}</p>
      {choice ? (
        <p className="muted small">
          {format(m.privacy.banner.current, { choice: choice.analytics ? m.privacy.banner.analytics : m.privacy.banner.necessary })}
        </p>
      ) : null}
      <div className={styles.choices}>
        <button type="button" className="btn" disabled={pending} onClick={() => void choose(false)}>{m.privacy.banner.necessary}</button>
        <button type="button" className="btn" disabled={pending} onClick={() => void choose(true)}>{m.privacy.banner.analytics}</button>
      </div>
      {failed ? <p className="field-error" role="alert">{m.privacy.settings.error}</p> : null}
      </div>
    </section>
  );
}

/** The footer's "Cookies" link: reopens the banner so the choice can be changed at any time. */
export function CookieSettingsButton({ label }: { label: string }) {
  const { reopen } = useConsent();
  return (
    <button type="button" className={styles.linkButton} onClick={reopen}>{label}</button>
  );
}
