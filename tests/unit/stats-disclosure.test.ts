import { describe, expect, test } from "vitest";
import { isPublishableQuery, normaliseQuery, periodTotal, suppressWithTotal } from "@/server/stats/disclosure";
import { routeTotals } from "@/server/stats/queries";

const k = 10;

describe("k-rule and secondary suppression", () => {
  test("a naive table leaks one person's count by subtraction; suppressWithTotal does not", () => {
    // One day: all routes = 77 views by 23 people; /secret was visited by one person (7 views).
    const parts = [
      { key: "/a", events: 30, people: 10 },
      { key: "/b", events: 40, people: 12 },
      { key: "/secret", events: 7, people: 1 },
    ];
    const total = parts.reduce((s, p) => s + p.events, 0);
    const naive = parts.filter((p) => p.people >= k);
    expect(total - naive.reduce((s, p) => s + p.events, 0)).toBe(7); // the leak

    const { published, suppressed } = suppressWithTotal(parts, k);
    expect(published.map((p) => p.key)).toEqual(["/b"]);
    expect(suppressed.map((p) => p.key).sort()).toEqual(["/a", "/secret"]);
    // What subtraction now recovers is a group with >= k people behind it.
    expect(total - published.reduce((s, p) => s + p.events, 0)).toBe(37);
    expect(Math.max(...suppressed.map((p) => p.people))).toBeGreaterThanOrEqual(k);
  });

  test("nothing below k is published, and a table with no suppression is untouched", () => {
    expect(suppressWithTotal([{ events: 3, people: 9 }], k).published).toEqual([]);
    const ok = [{ events: 50, people: 10 }, { events: 60, people: 11 }];
    expect(suppressWithTotal(ok, k).published).toEqual(ok);
  });

  test("route totals over days use only cells that survived each day's suppression", () => {
    const rows = [
      { day: "2026-01-01", key: "*", events: 77, people: 23 },
      { day: "2026-01-01", key: "/a", events: 30, people: 10 },
      { day: "2026-01-01", key: "/b", events: 40, people: 12 },
      { day: "2026-01-01", key: "/secret", events: 7, people: 1 },
      { day: "2026-01-02", key: "/a", events: 20, people: 10 },
      { day: "2026-01-02", key: "/b", events: 25, people: 11 },
    ];
    expect(routeTotals(rows, k)).toEqual([
      { key: "/b", label: "/b", events: 65 },
      { key: "/a", label: "/a", events: 20 },
    ]);
  });

  test("a route below k that was never stored still triggers complementary suppression", () => {
    // Issue 14: the rollup no longer stores the /secret cell; the day's total still counts it.
    const rows = [
      { day: "2026-01-01", key: "*", events: 77, people: 23 },
      { day: "2026-01-01", key: "/a", events: 30, people: 10 },
      { day: "2026-01-01", key: "/b", events: 40, people: 12 },
    ];
    expect(routeTotals(rows, k)).toEqual([{ key: "/b", label: "/b", events: 40 }]);
  });

  test("a period total sums only published days and never over-states the people behind it", () => {
    const days = [{ events: 40, people: 12 }, { events: 5, people: 2 }, { events: 30, people: 10 }];
    expect(periodTotal(days, k)).toEqual({ events: 70, peopleAtLeast: 12 });
    expect(periodTotal([{ events: 5, people: 9 }], k)).toBeNull();
  });
});

describe("free-text search terms", () => {
  test("are normalised", () => {
    expect(normaliseQuery("  Type\u00A0Script   Utvikler ")).toBe("type script utvikler");
  });
  test.each(["kari@example.com", "ring meg 912 34 567", "+47 91234567", "kunde 12345", "ansatt nr 2024"])("%s is never shown", (q) => {
    expect(isPublishableQuery(normaliseQuery(q))).toBe(false);
  });
  test("plain terms are shown; unnormalised ones are not", () => {
    expect(isPublishableQuery("react native")).toBe(true);
    expect(isPublishableQuery("React Native")).toBe(false);
    expect(isPublishableQuery("")).toBe(false);
  });
});
