"use client";
import Link from "next/link";
import { useEffect } from "react";
import { useMessages } from "@/i18n/client";

/** Any page below the root layout failed: say so plainly, offer a retry (re-fetches the segment) and a way home. */
export default function PageError(props: { error: Error & { digest?: string }; retry: () => void }) {
  const { m } = useMessages();
  const t = m.common.pageError;
  useEffect(() => {
    console.error("[page] error", props.error.digest ?? props.error.message);
  }, [props.error]);
  return (
    <div className="empty-state" role="alert">
      <h1>{t.title}</h1>
      <p className="muted">{t.body}</p>
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
