"use client";
import { useId, useRef, type ReactNode } from "react";
import { useMessages } from "@/i18n/client";

/**
 * A button that asks before it acts, in a native modal <dialog>: focus moves into the dialog (to
 * Cancel, the safe choice), Escape cancels, the rest of the page is inert, and focus returns to the
 * button when it closes.
 */
export function ConfirmButton(props: {
  children: ReactNode;
  /** The question, e.g. "Remove “Python” from your profile?" */
  question: string;
  /** What happens if the user says yes, e.g. "This cannot be undone." */
  detail?: string;
  confirmLabel: string;
  /** Gets the button that opened the dialog, e.g. to find where focus should go once its row is gone. */
  onConfirm: (opener: HTMLButtonElement | null) => void;
  className?: string;
  "aria-label"?: string;
  disabled?: boolean;
}) {
  const { m } = useMessages();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const detailId = useId();
  return (
    <>
      <button
        ref={opener}
        type="button"
        className={props.className}
        aria-label={props["aria-label"]}
        aria-haspopup="dialog"
        disabled={props.disabled}
        onClick={() => dialog.current?.showModal()}
      >
        {props.children}
      </button>
      <dialog
        ref={dialog}
        className="confirm-dialog"
        aria-labelledby={titleId}
        aria-describedby={props.detail ? detailId : undefined}
        onClose={(e) => {
          if (e.currentTarget.returnValue === "confirm") props.onConfirm(opener.current);
          e.currentTarget.returnValue = "";
        }}
      >
        <form method="dialog">
          <h2 id={titleId} className="confirm-dialog-title">
            {props.question}
          </h2>
          {props.detail ? (
            <p id={detailId} className="muted">
              {props.detail}
            </p>
          ) : null}
          <div className="row confirm-dialog-actions">
            <button type="submit" value="cancel" className="btn" autoFocus>
              {m.common.actions.cancel}
            </button>
            <button type="submit" value="confirm" className="btn danger">
              {props.confirmLabel}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}

/**
 * Where focus goes after a removal: the heading of the group or section the removed item sat in,
 * since the item (and the button that had focus) is about to disappear. Headings take focus via tabIndex={-1}.
 */
export function headingNear(el: HTMLElement | null): HTMLElement | null {
  return el?.closest("[role=group], section")?.querySelector<HTMLElement>("h2[tabindex], h3[tabindex]") ?? null;
}
