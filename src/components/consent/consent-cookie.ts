/** The cookie banner's choice, shared by server and client. Bump the version to ask everyone again. */
export const consentCookie = "evne_consent";
export const consentCookieVersion = 1;
export const consentCookieMaxAge = 60 * 60 * 24 * 180;

export type CookieChoice = { analytics: boolean };

export function consentCookieValue(choice: CookieChoice): string {
  return `${consentCookieVersion}.${choice.analytics ? "analytics" : "necessary"}`;
}

export function parseConsentCookie(value: string | undefined): CookieChoice | null {
  const match = /^(\d+)\.(analytics|necessary)$/.exec(value ?? "");
  if (!match || Number(match[1]) !== consentCookieVersion) return null;
  return { analytics: match[2] === "analytics" };
}
