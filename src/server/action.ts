import "server-only";
import { z } from "zod";
import { contextFor, getSessionUser, type Context } from "@/server/context";
import { isDbUnavailable, markDbUnavailable } from "@/server/db/availability";
import { AppError } from "@/server/errors";
import { log } from "@/server/log";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: string; error: string; fieldErrors?: Record<string, string[]> };

/**
 * A server action for signed-in users: finds who is asking, validates the input with zod, hands
 * the handler this request's context (user, db, embedder, storage, config …) and returns a typed
 * result the form can show. Domain code below acts on `user.id`'s rows only.
 */
export function userAction<S extends z.ZodType, T>(
  schema: S,
  fn: (input: z.infer<S>, ctx: Context) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (raw) => {
    try {
      const user = await getSessionUser();
      if (!user) return { ok: false, code: "unauthorized", error: "Sign in first" };
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        return { ok: false, code: "bad_request", error: "Invalid input", fieldErrors: fieldErrorsOf(parsed.error) };
      }
      return { ok: true, data: await fn(parsed.data, await contextFor(user)) };
    } catch (error) {
      if (error instanceof AppError) {
        return { ok: false, code: error.code, error: error.message, fieldErrors: error.details?.fieldErrors };
      }
      if (isDbUnavailable(error)) {
        markDbUnavailable(error);
        return { ok: false, code: "unavailable", error: "The service is temporarily unavailable. Try again in a moment." };
      }
      log.error("action", "unexpected error", { error });
      return { ok: false, code: "internal", error: "Something went wrong" };
    }
  };
}

/** Like userAction, but only for admins; others get not_found. */
export function adminAction<S extends z.ZodType, T>(schema: S, fn: (input: z.infer<S>, ctx: Context) => Promise<T>) {
  return userAction(schema, async (input, ctx) => {
    if (!ctx.user.isAdmin) throw new AppError("not_found", "Not found");
    return fn(input, ctx);
  });
}

export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
