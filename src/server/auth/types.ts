import "server-only";
import type { Locale } from "@/i18n/locales";

/** Who is asking, as every page, action and route handler sees it. */
export type SessionUser = {
  id: string;
  email: string;
  displayName: string;
  isAdmin: boolean;
  locale: Locale;
  /** Processing restricted (GDPR art. 18): no matching, recommendations, logging or statistics. */
  restricted: boolean;
  /** Objects to statistics and service improvement (GDPR art. 21). */
  objected: boolean;
};

/** What an auth adapter knows about the request before we look the user up in our own table. */
export type Identity =
  | { provider: "local"; userId: string }
  | { provider: "clerk"; clerkId: string; email?: string; name?: string; role?: string };

export interface AuthAdapter {
  readonly name: "local" | "clerk";
  identify(): Promise<Identity | null>;
}
