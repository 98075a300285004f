"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useMessages } from "@/i18n/client";
import { acknowledgePolicyAction } from "@/server/privacy/actions";

export function AcknowledgePolicyButton({ policyVersionId }: { policyVersionId: number }) {
  const { m } = useMessages();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [failed, setFailed] = useState(false);
  return (
    <>
      <button
        type="button"
        className="btn"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await acknowledgePolicyAction({ policyVersionId });
            setFailed(!result.ok);
            if (result.ok) router.refresh();
          })
        }
      >
        {pending ? m.common.actions.saving : m.privacy.notice.acknowledge}
      </button>
      {failed ? <span className="field-error" role="alert">{m.privacy.settings.error}</span> : null}
    </>
  );
}
