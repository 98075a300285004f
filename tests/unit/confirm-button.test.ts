// The confirmation dialog's markup: a native modal <dialog> named by its question, Cancel first
// (and focused when it opens), and only the confirm button submits "confirm".
import { createElement, type ComponentProps, type ComponentType, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { ConfirmButton } from "@/components/confirm-button";
import { MessagesProvider } from "@/i18n/client";
import type { Locale } from "@/i18n/locales";
import { messagesFor } from "@/i18n/messages";

function render(locale: Locale): string {
  // Children go in as createElement arguments; the props types want them as a prop.
  const Button = ConfirmButton as ComponentType<Omit<ComponentProps<typeof ConfirmButton>, "children"> & { children?: ReactNode }>;
  const Provider = MessagesProvider as ComponentType<{ locale: Locale; messages: ReturnType<typeof messagesFor>; children?: ReactNode }>;
  return renderToStaticMarkup(
    createElement(
      Provider,
      { locale, messages: messagesFor(locale) },
      createElement(Button, { question: "Remove “Python”?", detail: "This cannot be undone.", confirmLabel: "Remove", onConfirm: () => undefined, "aria-label": "Remove Python" }, "×"),
    ),
  );
}

describe.each(["nb", "en"] as const)("ConfirmButton (%s)", (locale) => {
  const html = render(locale);

  test("the button says it opens a dialog, and the dialog is named and described by its texts", () => {
    expect(html).toMatch(/<button type="button" aria-label="Remove Python" aria-haspopup="dialog">×<\/button>/);
    const labelledBy = /<dialog[^>]*aria-labelledby="([^"]+)"/.exec(html)?.[1];
    const describedBy = /<dialog[^>]*aria-describedby="([^"]+)"/.exec(html)?.[1];
    expect(html).toContain(`<h2 id="${labelledBy}" class="confirm-dialog-title">Remove “Python”?</h2>`);
    expect(html).toContain(`id="${describedBy}" class="muted">This cannot be undone.</p>`);
  });

  test("Cancel comes first and takes focus; only the confirm button returns 'confirm'", () => {
    const cancel = messagesFor(locale).common.actions.cancel;
    const buttons = [...html.matchAll(/<button type="submit" value="(\w+)"[^>]*>([^<]+)<\/button>/g)].map((b) => [b[1], b[2]]);
    expect(buttons).toEqual([
      ["cancel", cancel],
      ["confirm", "Remove"],
    ]);
    expect(html).toMatch(/<form method="dialog">/);
  });
});
