import "server-only";
import { cookies } from "next/headers";
import { getEnv } from "@/env";
import { localSecret } from "@/server/local-secret";
import { sessionCookie, verifySession } from "./local-session";
import type { AuthAdapter } from "./types";

export function localAuthSecret(): string {
  const env = getEnv();
  return env.AUTH_SECRET ?? localSecret(env.dataDir, "auth-secret");
}

export const localAuth: AuthAdapter = {
  name: "local",
  async identify() {
    const token = (await cookies()).get(sessionCookie)?.value;
    const userId = await verifySession(token, localAuthSecret());
    return userId ? { provider: "local", userId } : null;
  },
};
