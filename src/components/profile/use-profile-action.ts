"use client";
import { useState, useTransition } from "react";
import { useMessages } from "@/i18n/client";
import type { ClientMessages } from "@/i18n/messages";
import type { ActionResult } from "@/server/action";

/** The text for an error code from the profile domain, in the user's language. */
export function errorText(m: ClientMessages, code: string | undefined): string {
  const texts = m.profile.errors as Record<string, string>;
  return (code && texts[code]) || m.profile.errors.saveFailed;
}

/**
 * Runs a profile server action with a pending state and plain-language errors. The form's own
 * state is left alone on failure, so nothing typed is lost.
 */
export function useProfileAction() {
  const { m } = useMessages();
  const [pending, startTransition] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);

  function run<I, T>(action: (input: I) => Promise<ActionResult<T>>, input: I, onSuccess?: (data: T) => void, onFailure?: () => void) {
    // A new attempt starts clean: errors from the last one no longer apply.
    setFormError(null);
    setFieldErrors({});
    startTransition(async () => {
      try {
        const result = await action(input);
        if (result.ok) {
          setFieldErrors({});
          onSuccess?.(result.data);
          return;
        }
        onFailure?.();
        const fields = result.fieldErrors ?? {};
        setFieldErrors(fields);
        if (result.code === "unauthorized") setFormError(m.common.errors.unauthorized);
        else if (result.code === "rate_limited") setFormError(m.common.errors.rateLimited);
        else if (result.code === "unavailable") setFormError(m.common.errors.unavailable);
        else if (Object.keys(fields).length > 0) setFormError(m.common.errors.invalidInput);
        else setFormError(errorText(m, result.error));
      } catch {
        onFailure?.();
        setFormError(m.profile.errors.saveFailed);
      }
    });
  }

  /** The first error for a field, as text; `names` lets one input show errors reported under several keys. */
  function fieldError(...names: string[]): string | undefined {
    for (const name of names) {
      const code = fieldErrors[name]?.[0];
      if (code) return errorText(m, code);
    }
    return undefined;
  }

  function reset() {
    setFieldErrors({});
    setFormError(null);
  }

  return { pending, run, fieldError, formError, setFormError, reset, hasErrors: Object.keys(fieldErrors).length > 0 };
}
