"use client";
import { createContext, useContext, type ReactNode } from "react";
import type { Locale } from "./locales";
import type { Messages } from "./messages";

const MessagesContext = createContext<{ locale: Locale; m: Messages } | null>(null);

export function MessagesProvider(props: { locale: Locale; messages: Messages; children: ReactNode }) {
  return <MessagesContext value={{ locale: props.locale, m: props.messages }}>{props.children}</MessagesContext>;
}

/** The current locale's texts inside client components. */
export function useMessages(): { locale: Locale; m: Messages } {
  const value = useContext(MessagesContext);
  if (!value) throw new Error("useMessages must be used inside MessagesProvider");
  return value;
}
