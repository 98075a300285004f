"use client";
import { common } from "@/i18n/messages/common";
import { dbUnavailableDigest } from "@/server/db/unavailable-digest";

/**
 * When the root layout itself fails (its header asks the database who is signed in), there are no
 * providers, so this page says it in both languages. Never a stack trace.
 */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  const unavailable = error.digest === dbUnavailableDigest;
  return (
    <html lang="nb">
      <body>
        <main id="main" className="narrow card" role="alert">
          {(["nb", "en"] as const).map((locale) => {
            const m = common[locale];
            return (
              <div key={locale} lang={locale}>
                <h1>{unavailable ? m.errorPage.unavailableTitle : m.errorPage.failedTitle}</h1>
                <p>{unavailable ? m.errors.unavailable : m.errors.generic}</p>
              </div>
            );
          })}
          <button type="button" className="btn" onClick={() => window.location.reload()}>
            {common.nb.errorPage.retry} / {common.en.errorPage.retry}
          </button>
        </main>
      </body>
    </html>
  );
}
