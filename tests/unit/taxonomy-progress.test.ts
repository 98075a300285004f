import { describe, expect, test } from "vitest";
import { createProgress } from "@/server/taxonomy/esco/progress";

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  const stream = { isTTY, write: (s: string) => writes.push(s) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, writes };
}

describe("createProgress", () => {
  test("without a terminal, prints plain lines at each new phase and then at most once per interval", () => {
    const { stream, writes } = fakeStream(false);
    let now = 0;
    const progress = createProgress({ stream, intervalMs: 5000, now: () => now });
    progress.update("reading", 1, 10);
    now = 1000;
    progress.update("reading", 5, 10);
    now = 6000;
    progress.update("reading", 8, 10);
    progress.update("writing", 1, 4);
    progress.done();
    expect(writes).toEqual(["reading  10% (1/10)\n", "reading  80% (8/10)\n", "writing  25% (1/4)\n"]);
  });

  test("on a terminal, redraws one line with a bar and clears it when done", () => {
    const { stream, writes } = fakeStream(true);
    const progress = createProgress({ stream, width: 10, now: () => 0 });
    progress.update("linking", 1_048_576, 2_097_152, "bytes");
    progress.done();
    expect(writes[0]).toContain("[#####-----]  50% 1.0/2.0 MB");
    expect(writes[0]?.startsWith("\r")).toBe(true);
    expect(writes.at(-1)).toBe("\r\x1b[2K");
  });
});
