import type { ReactNode } from "react";
import { requireUser } from "@/server/context";

/**
 * A layout that sends signed-out visitors to sign-in with a real redirect, before a page's loading
 * state starts streaming (a redirect from inside the stream would arrive as a 200).
 */
export function signedInLayout(returnTo: string) {
  return async function SignedInLayout({ children }: { children: ReactNode }) {
    await requireUser(returnTo);
    return children;
  };
}
