import { describe, expect, test, vi } from "vitest";

const scheduled: Array<() => Promise<void>> = [];
let inRequest = false;
vi.mock("next/server", () => ({
  after: (task: () => Promise<void>) => {
    if (!inRequest) throw new Error("`after` was called outside a request scope");
    scheduled.push(task);
  },
}));
const { afterResponse } = await import("@/server/http/after-response");

describe("afterResponse", () => {
  test("inside a request the write waits until after the response", async () => {
    inRequest = true;
    const done: string[] = [];
    await afterResponse("test", async () => void done.push("written"));
    expect(done).toEqual([]);
    await scheduled.shift()?.();
    expect(done).toEqual(["written"]);
  });

  test("outside a request (scripts, tests) it runs at once; a failure is logged, not thrown", async () => {
    inRequest = false;
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const done: string[] = [];
    await afterResponse("test", async () => void done.push("written"));
    expect(done).toEqual(["written"]);
    await expect(afterResponse("test", async () => Promise.reject(new Error("db down")))).resolves.toBeUndefined();
    expect(errors).toHaveBeenCalledWith("[test] deferred write failed", expect.any(Error));
  });
});
