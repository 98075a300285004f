"use client";
import { useEffect } from "react";
import { useMessages } from "@/i18n/client";

/** The profile failed to load: say so plainly and offer a retry (which re-fetches the server components). */
export default function ProfileError(props: { error: Error & { digest?: string }; retry: () => void }) {
  const { m } = useMessages();
  useEffect(() => {
    console.error("[profile] page error", props.error.digest ?? props.error.message);
  }, [props.error]);
  return (
    <div className="empty-state" role="alert">
      <h2>{m.profile.pageError.title}</h2>
      <p className="muted">{m.profile.pageError.body}</p>
      <button type="button" className="btn primary" onClick={props.retry}>
        {m.profile.pageError.retry}
      </button>
    </div>
  );
}
