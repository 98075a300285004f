import "server-only";

/** Days are UTC calendar dates as "YYYY-MM-DD" strings. */
export type Day = string;

export function dayOf(date: Date): Day {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: Day, n: number): Day {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return dayOf(d);
}

export function startOf(day: Day): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export function daysBetween(from: Day, to: Day): Day[] {
  const out: Day[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}
