"use client";
import { useMessages } from "@/i18n/client";
import { dbUnavailableDigest } from "@/server/db/unavailable-digest";

/** A page that failed: "temporarily unavailable" when the database is unreachable, else a plain apology. Never a stack trace. */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { m } = useMessages();
  const unavailable = error.digest === dbUnavailableDigest;
  return (
    <section className="narrow card" role="alert">
      <h1>{unavailable ? m.common.errorPage.unavailableTitle : m.common.errorPage.failedTitle}</h1>
      <p className="muted">{unavailable ? m.common.errors.unavailable : m.common.errors.generic}</p>
      <button type="button" className="btn" onClick={reset}>{m.common.errorPage.retry}</button>
    </section>
  );
}
