import "server-only";
import { after } from "next/server";

/**
 * Runs a write the response does not depend on after the response is sent (next/server after()),
 * so the visitor does not wait for it. Outside a request (scripts, tests) there is no "after", and
 * the task runs at once. A failed task is logged, never shown to the visitor.
 */
export async function afterResponse(label: string, task: () => Promise<unknown>): Promise<void> {
  const guarded = () =>
    task().then(
      () => undefined,
      (error: unknown) => console.error(`[${label}] deferred write failed`, error),
    );
  try {
    after(guarded);
  } catch {
    await guarded();
  }
}
