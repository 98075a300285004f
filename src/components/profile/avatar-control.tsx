"use client";
import { useRef, useState } from "react";
import { ConfirmButton } from "@/components/confirm-button";
import { useMessages } from "@/i18n/client";
import { removeAvatarAction, uploadAvatarAction } from "@/server/profile/actions";
import { MAX_AVATAR_BYTES } from "@/server/profile/schemas";
import styles from "./profile.module.css";
import { errorText, useProfileAction } from "./use-profile-action";

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? "";
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "";
  return (first + last).toUpperCase() || "?";
}

/** The profile picture with change and remove controls; the server re-encodes whatever is sent. */
export function AvatarControl(props: { url: string | null; name: string }) {
  const { m } = useMessages();
  const t = m.profile.avatar;
  const input = useRef<HTMLInputElement>(null);
  const action = useProfileAction();
  const [busy, setBusy] = useState<"upload" | "remove" | null>(null);

  function onFile(file: File | undefined) {
    if (!file) return;
    action.reset();
    // Checked here too so a big file fails fast with a clear message instead of a slow upload.
    if (file.size > MAX_AVATAR_BYTES) {
      action.setFormError(errorText(m, "file_too_large"));
      return;
    }
    const form = new FormData();
    form.set("avatar", file);
    setBusy("upload");
    action.run(uploadAvatarAction, form, () => setBusy(null), () => setBusy(null));
    if (input.current) input.current.value = "";
  }

  const pending = action.pending;
  return (
    <div className={styles.avatarBlock}>
      <div className={styles.avatar} aria-busy={pending}>
        {props.url ? (
          // eslint-disable-next-line @next/next/no-img-element -- already a 512px WebP from our own storage
          <img src={props.url} alt={t.alt} width={96} height={96} />
        ) : (
          <span aria-hidden="true">{initials(props.name)}</span>
        )}
      </div>
      <div className={styles.avatarTools}>
        <div className="row">
          <button type="button" className="btn" disabled={pending} onClick={() => input.current?.click()}>
            {pending && busy === "upload" ? t.uploading : props.url ? t.change : t.upload}
          </button>
          {props.url ? (
            <ConfirmButton
              className="btn danger"
              disabled={pending}
              question={t.confirmRemove}
              confirmLabel={t.remove}
              onConfirm={() => {
                setBusy("remove");
                action.run(removeAvatarAction, {}, () => setBusy(null), () => setBusy(null));
              }}
            >
              {pending && busy === "remove" ? t.removing : t.remove}
            </ConfirmButton>
          ) : null}
        </div>
        <input
          ref={input}
          type="file"
          accept="image/jpeg,image/png,image/webp,image/gif,image/avif"
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(e) => onFile(e.target.files?.[0])}
        />
        <p className="hint">{t.hint}</p>
        {action.formError ? (
          <p className="field-error" role="alert">
            {action.fieldError("avatar", "_") ?? action.formError}
          </p>
        ) : null}
      </div>
    </div>
  );
}
