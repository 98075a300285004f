// Month fields take what their hint says ("2020-03") and the usual ways of writing a month.
import { describe, expect, test } from "vitest";
import { normaliseMonthInput } from "@/components/profile/dates";

describe("normaliseMonthInput", () => {
  test.each([
    ["2020-03", "2020-03"],
    [" 2020-3 ", "2020-03"],
    ["2020/03", "2020-03"],
    ["202003", "2020-03"],
    ["03.2020", "2020-03"],
    ["3/2020", "2020-03"],
  ])("%s reads as %s", (typed, month) => {
    expect(normaliseMonthInput(typed)).toBe(month);
  });

  test.each(["2020-13", "march 2020", "20-03", ""])("%s is left as typed for the server to reject", (typed) => {
    expect(normaliseMonthInput(typed)).toBe(typed);
  });
});
