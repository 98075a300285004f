"use server";
import { z } from "zod";
import { userAction } from "@/server/action";
import { afterResponse } from "@/server/http/after-response";
import { recordPageView, routePatternOf } from "./page-views";

/** Counts a page view for the signed-in user; nothing is counted while processing is restricted. */
export const countPageView = userAction(z.object({ pathname: z.string().max(300) }), async ({ pathname }, { user, db }) => {
  const route = routePatternOf(pathname);
  if (!route || user.restricted) return { counted: false };
  const day = new Date().toISOString().slice(0, 10);
  await afterResponse("page-views", () => recordPageView(db, { userId: user.id, route, day }));
  return { counted: true };
});
