import "server-only";
import { cookies } from "next/headers";
import type { Env } from "@/env";
import { localSecret } from "@/server/local-secret";
import { sessionCookie, verifySession } from "./local-session";
import type { AuthAdapter } from "./types";

export function localAuthSecret(config: Env): string {
  return config.AUTH_SECRET ?? localSecret(config.dataDir, "auth-secret");
}

/** Passwordless local sign-in: a signed session cookie holding our user id. */
export function localAuth(config: Env): AuthAdapter {
  return {
    name: "local",
    async identify() {
      const token = (await cookies()).get(sessionCookie)?.value;
      const userId = await verifySession(token, localAuthSecret(config));
      return userId ? { provider: "local", userId } : null;
    },
  };
}
