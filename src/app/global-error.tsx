"use client";
import { useEffect } from "react";
import { messagesFor } from "@/i18n/messages";
import { locales } from "@/i18n/locales";
import { dbUnavailableDigest } from "@/server/db/unavailable-digest";
import "./globals.css";

/**
 * The root layout itself failed, so there is no locale or message provider: the page says it in both
 * languages, each marked with its own lang, and offers one retry.
 */
export default function GlobalError(props: { error: Error & { digest?: string }; retry: () => void }) {
  const unavailable = props.error.digest === dbUnavailableDigest;
  useEffect(() => {
    console.error("[root] error", props.error.digest ?? props.error.message);
  }, [props.error]);
  return (
    <html lang="nb">
      <body>
        <main id="main" className="empty-state" role="alert" style={{ margin: "2rem auto", maxWidth: "40rem" }}>
          {locales.map((locale) => {
            const { pageError: t, errors } = messagesFor(locale).common;
            return (
              <div key={locale} lang={locale}>
                <h1>{unavailable ? t.unavailableTitle : t.title}</h1>
                <p className="muted">{unavailable ? errors.unavailable : t.body}</p>
              </div>
            );
          })}
          <button type="button" className="btn primary" onClick={props.retry}>
            {locales.map((locale) => messagesFor(locale).common.pageError.retry).join(" / ")}
          </button>
        </main>
      </body>
    </html>
  );
}
