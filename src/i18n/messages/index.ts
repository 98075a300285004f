import type { Locale } from "../locales";
import { auth } from "./auth";
import { common } from "./common";
import { matching } from "./matching";
import { policy } from "./policy";
import { privacy } from "./privacy";
import { profile } from "./profile";
import { search } from "./search";
import { stats } from "./stats";

/**
 * Every domain keeps its texts in its own file (both languages side by side) and is listed here.
 */
const domains = { auth, common, matching, policy, privacy, profile, search, stats };

type Domains = typeof domains;
export type Messages = { [D in keyof Domains]: Domains[D]["nb"] };

/** What client components may read: the domains only server components use never reach the browser. */
export type ClientMessages = Omit<Messages, "policy" | "stats">;

export function clientMessages(m: Messages): ClientMessages {
  const { policy: _policy, stats: _stats, ...sent } = m;
  return sent;
}

export function messagesFor(locale: Locale): Messages {
  return Object.fromEntries(Object.entries(domains).map(([name, texts]) => [name, texts[locale]])) as Messages;
}
