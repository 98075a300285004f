import { describe, expect, test } from "vitest";
import { parseFlags } from "../../scripts/cli-runtime";

const USAGE = "usage: npm run x -- --esco <dir> [--keep-missing]";
const options = { esco: { type: "string" }, "keep-missing": { type: "boolean", default: false } } as const;

describe("parseFlags", () => {
  test("reads known flags, --name=value included", () => {
    expect(parseFlags({ args: ["--esco=data", "--keep-missing"], options }, USAGE).values).toEqual({ esco: "data", "keep-missing": true });
  });

  test.each([
    [["--esco", "data", "--bogus"], "Unknown option '--bogus'. usage: npm run x -- --esco <dir> [--keep-missing]"],
    [["--esco"], "Option '--esco <value>' argument missing. usage: npm run x -- --esco <dir> [--keep-missing]"],
    [["stray"], "Unexpected argument 'stray'. usage: npm run x -- --esco <dir> [--keep-missing]"],
  ])("%j fails with one line ending in the usage", (args, message) => {
    expect(() => parseFlags({ args, options }, USAGE)).toThrow(new Error(message));
  });
});
