import "server-only";

/** Dates as the policy means them: calendar days in Norway (Europe/Oslo), not UTC. */
export const policyTimeZone = "Europe/Oslo";

/** The Oslo calendar date (YYYY-MM-DD) of an instant. */
export function osloDate(at: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: policyTimeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/** Minutes Oslo is ahead of UTC at an instant (60 in winter, 120 in summer). */
function osloOffsetMinutes(at: Date): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone: policyTimeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric" }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  return Math.round((asUtc - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/** The instant an Oslo calendar date begins. */
export function osloMidnight(date: string): Date {
  const utcMidnight = new Date(`${date}T00:00:00Z`);
  const guess = new Date(utcMidnight.getTime() - osloOffsetMinutes(utcMidnight) * 60_000);
  return new Date(utcMidnight.getTime() - osloOffsetMinutes(guess) * 60_000);
}

export function addCalendarDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
