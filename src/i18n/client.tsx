"use client";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { formatterFor, type Format } from "./format";
import type { Locale } from "./locales";
import type { ClientMessages } from "./messages";

type Texts = { locale: Locale; m: ClientMessages; format: Format };
const MessagesContext = createContext<Texts | null>(null);

export function MessagesProvider(props: { locale: Locale; messages: ClientMessages; children: ReactNode }) {
  const value = useMemo(() => ({ locale: props.locale, m: props.messages, format: formatterFor(props.locale) }), [props.locale, props.messages]);
  return <MessagesContext value={value}>{props.children}</MessagesContext>;
}

/** The current locale's texts, and a formatter bound to it, inside client components. */
export function useMessages(): Texts {
  const value = useContext(MessagesContext);
  if (!value) throw new Error("useMessages must be used inside MessagesProvider");
  return value;
}
