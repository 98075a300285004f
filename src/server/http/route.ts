import "server-only";
import { z } from "zod";
import { adapters } from "@/server/adapters";
import type { SessionUser } from "@/server/auth/types";
import { contextFor, getSessionUser, type Context } from "@/server/context";
import { isDbUnavailable, markDbUnavailable } from "@/server/db/availability";
import { AppError, errorStatus } from "@/server/errors";
import { log } from "@/server/log";
import { isCronAuthorized } from "./cron-auth";

/** What a route handler gets: this request's context, the request and its path parameters. */
export type RouteCtx<U extends SessionUser | null> = Context<U> & { request: Request; params: Record<string, string | string[]> };
type RouteContext = { params: Promise<Record<string, string | string[]>> };

/** Turns any thrown error into a JSON response; internal messages never reach the client. */
export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    const headers: Record<string, string> = {};
    if (error.details?.retryAfterSeconds) headers["Retry-After"] = String(error.details.retryAfterSeconds);
    return Response.json(
      { error: { code: error.code, message: error.message, fieldErrors: error.details?.fieldErrors } },
      { status: errorStatus[error.code], headers },
    );
  }
  if (error instanceof z.ZodError) {
    return Response.json(
      { error: { code: "bad_request", message: "Invalid input", fieldErrors: z.flattenError(error).fieldErrors } },
      { status: 400 },
    );
  }
  if (isDbUnavailable(error)) {
    markDbUnavailable(error);
    return Response.json(
      { error: { code: "unavailable", message: "The service is temporarily unavailable. Try again in a moment." } },
      { status: 503, headers: { "Retry-After": "5" } },
    );
  }
  log.error("route", "unexpected error", { error });
  return Response.json({ error: { code: "internal", message: "Something went wrong" } }, { status: 500 });
}

function wrap<U extends SessionUser | null>(resolveUser: (request: Request) => Promise<U>, handler: (ctx: RouteCtx<U>) => Promise<Response>) {
  return async (request: Request, context?: RouteContext): Promise<Response> => {
    try {
      const user = await resolveUser(request);
      const params = (await context?.params) ?? {};
      return await handler({ ...(await contextFor(user)), request, params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** A route anyone may call; `user` is null for anonymous visitors. */
export const publicRoute = (handler: (ctx: RouteCtx<SessionUser | null>) => Promise<Response>) => wrap(getSessionUser, handler);

/** A route for signed-in users: 401 otherwise. */
export const userRoute = (handler: (ctx: RouteCtx<SessionUser>) => Promise<Response>) =>
  wrap(async () => {
    const user = await getSessionUser();
    if (!user) throw new AppError("unauthorized", "Sign in first");
    return user;
  }, handler);

/** A route for admins: 404 to everyone else, so it is not even confirmed to exist. */
export const adminRoute = (handler: (ctx: RouteCtx<SessionUser>) => Promise<Response>) =>
  wrap(async () => {
    const user = await getSessionUser();
    if (!user?.isAdmin) throw new AppError("not_found", "Not found");
    return user;
  }, handler);

/** A scheduled job (Vercel Cron): only a caller with `Authorization: Bearer <CRON_SECRET>` gets in. */
export const cronRoute = (handler: (ctx: RouteCtx<null>) => Promise<Response>) =>
  wrap(async (request) => {
    if (!isCronAuthorized(request.headers.get("authorization"), adapters().config.CRON_SECRET)) {
      throw new AppError("unauthorized", "Unauthorized");
    }
    return null;
  }, handler);

/**
 * A webhook from another service: no session, since the sender proves itself by signing the body,
 * which the handler verifies (it alone knows the scheme).
 */
export const webhookRoute = (handler: (ctx: RouteCtx<null>) => Promise<Response>) => wrap(async () => null, handler);

export function jsonDownload(body: unknown, filename: string): Response {
  return new Response(JSON.stringify(body, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
