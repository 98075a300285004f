import { clerkMiddleware } from "@clerk/nextjs/server";
import { NextResponse, type NextRequest } from "next/server";
import { clerkFrontendApiFromKey, contentSecurityPolicy } from "@/server/security/csp";

const clerkEnabled = Boolean(process.env.CLERK_SECRET_KEY && process.env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY);

function withSecurityHeaders(request: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy({
    nonce,
    dev: process.env.NODE_ENV !== "production",
    clerkFrontendApi: clerkEnabled ? clerkFrontendApiFromKey(process.env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY) : undefined,
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

/** Every page gets a CSP nonce; in Clerk mode, Clerk verifies the session first. Auth is checked again in the data layer. */
export default clerkEnabled ? clerkMiddleware((_auth, request) => withSecurityHeaders(request)) : withSecurityHeaders;

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|jpg|webp|ico|txt)$).*)" }],
};
