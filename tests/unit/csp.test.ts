import { describe, expect, test } from "vitest";
import { clerkFrontendApiFromKey, contentSecurityPolicy } from "@/server/security/csp";

describe("content security policy", () => {
  test("production: nonce scripts only, no unsafe-inline or eval, no framing", () => {
    const csp = contentSecurityPolicy({ nonce: "abc123", dev: false });
    const script = csp.split("; ").find((d) => d.startsWith("script-src")) ?? "";
    expect(script).toContain("'nonce-abc123'");
    expect(script).not.toContain("unsafe-inline");
    expect(script).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  test("Clerk's frontend API host is allowed only when Clerk is configured", () => {
    const host = clerkFrontendApiFromKey(`pk_live_${Buffer.from("clerk.evne.no$").toString("base64")}`);
    expect(host).toBe("clerk.evne.no");
    expect(contentSecurityPolicy({ nonce: "n", dev: false, clerkFrontendApi: host })).toContain("https://clerk.evne.no");
    expect(clerkFrontendApiFromKey(undefined)).toBeUndefined();
  });
});
