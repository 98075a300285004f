"use client";
import Link from "next/link";
import { useEffect } from "react";
import { useMessages } from "@/i18n/client";
import { dbUnavailableDigest } from "@/server/db/unavailable-digest";

/**
 * Any page below the root layout failed: "temporarily unavailable" when the database is unreachable,
 * else a plain apology; a retry (re-fetches the segment) and a way home. Never a stack trace.
 */
export default function PageError(props: { error: Error & { digest?: string }; retry: () => void }) {
  const { m } = useMessages();
  const t = m.common.pageError;
  const unavailable = props.error.digest === dbUnavailableDigest;
  useEffect(() => {
    console.error("[page] error", props.error.digest ?? props.error.message);
  }, [props.error]);
  return (
    <div className="empty-state" role="alert">
      <h1>{unavailable ? t.unavailableTitle : t.title}</h1>
      <p className="muted">{unavailable ? m.common.errors.unavailable : t.body}</p>
      <div className="row" style={{ justifyContent: "center" }}>
        <button type="button" className="btn primary" onClick={props.retry}>
          {t.retry}
        </button>
        <Link className="btn" href="/">
          {t.home}
        </Link>
      </div>
    </div>
  );
}
