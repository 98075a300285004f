import "server-only";

/** Content-Security-Policy with a per-request nonce: no inline script runs unless we rendered it. */
export function contentSecurityPolicy(p: { nonce: string; dev: boolean; clerkFrontendApi?: string }): string {
  const clerk = p.clerkFrontendApi ? ` https://${p.clerkFrontendApi}` : "";
  const directives = [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${p.nonce}' 'strict-dynamic'${p.dev ? " 'unsafe-eval'" : ""}${clerk}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob: https://utfs.io https://*.ufs.sh https://img.clerk.com`,
    `font-src 'self'`,
    `connect-src 'self'${clerk}${p.dev ? " ws:" : ""}`,
    `frame-src 'self'${clerk}`,
    `worker-src 'self' blob:`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ];
  return directives.join("; ");
}

/** Clerk's frontend API host is encoded in the publishable key: pk_<env>_<base64("host$")>. */
export function clerkFrontendApiFromKey(publishableKey: string | undefined): string | undefined {
  const encoded = publishableKey?.split("_")[2];
  if (!encoded) return undefined;
  return Buffer.from(encoded, "base64").toString("utf8").replace(/\$$/, "") || undefined;
}
