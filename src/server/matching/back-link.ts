// Where a role page's back link leads: the search or the matches the user came from. `from` is set by
// our own links; the Referer covers links we do not tag (search results). Only same-site paths pass.

import "server-only";

export type BackLink = { href: string; to: "search" | "matches" };

export function roleBackLink(p: { from?: string | string[]; referer?: string | null; host?: string | null }): BackLink {
  const from = Array.isArray(p.from) ? p.from[0] : p.from;
  if (from === "matches") return { href: "/matches", to: "matches" };
  if (p.referer && p.host) {
    try {
      const url = new URL(p.referer);
      if (url.host === p.host && url.pathname === "/search") return { href: `/search${url.search}`, to: "search" };
      if (url.host === p.host && url.pathname === "/matches") return { href: "/matches", to: "matches" };
    } catch {
      // Not a URL: fall through to the default.
    }
  }
  if (from === "search") return { href: "/search", to: "search" };
  return { href: "/matches", to: "matches" };
}
