import { describe, expect, test } from "vitest";
import { reciprocalRankFusion } from "@/server/search/fuse";
import { likePrefix, searchQuerySchema } from "@/server/search/query";

describe("reciprocal rank fusion", () => {
  test("an item ranked well in two lists beats one ranked first in only one", () => {
    const scores = reciprocalRankFusion([["a", "b", "c"], ["b", "c"], ["d"]]);
    const order = [...scores].sort((x, y) => y[1] - x[1]).map(([id]) => id);
    expect(order[0]).toBe("b");
    expect(order.indexOf("c")).toBeLessThan(order.indexOf("a"));
    expect(scores.get("d")).toBeCloseTo(1 / 61);
  });

  test("a duplicate inside one list counts once, at its best rank", () => {
    expect(reciprocalRankFusion([["a", "a", "a"]]).get("a")).toBeCloseTo(1 / 61);
  });
});

describe("search query validation", () => {
  test("trims, defaults, and refuses over 200 characters", () => {
    expect(searchQuerySchema.parse({ q: "  java  " })).toEqual({ q: "java", type: "skill", lang: "nb", limit: 10 });
    expect(searchQuerySchema.safeParse({ q: `${"a".repeat(200)}   ` }).success).toBe(true);
    expect(searchQuerySchema.safeParse({ q: "a".repeat(201) }).success).toBe(false);
    expect(searchQuerySchema.safeParse({ q: "x", limit: "500" }).success).toBe(false);
  });

  test("LIKE wildcards in a query are escaped", () => {
    expect(likePrefix("50%_off\\")).toBe("50\\%\\_off\\\\%");
  });
});
