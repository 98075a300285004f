import "server-only";

const origin = "https://evne.invalid";

/**
 * A redirect target from user input (`?next=`), accepted only as a path on our own origin.
 * Browsers read `\` as `/` and drop tabs and newlines, so `/\evil.example` or `/%5Cevil.example`
 * (once decoded) would leave the site: anything with a backslash, control character or a second
 * leading slash is refused, and the result must resolve to our origin. Returns `fallback` otherwise.
 */
export function safeNextPath(next: unknown, fallback = "/profile"): string {
  if (typeof next !== "string" || next.length > 2000) return fallback;
  let decoded = next;
  try {
    decoded = decodeURIComponent(next);
  } catch {
    return fallback;
  }
  for (const candidate of [next, decoded]) {
    if (!candidate.startsWith("/") || candidate.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(candidate)) return fallback;
  }
  const url = new URL(next, origin);
  if (url.origin !== origin) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
