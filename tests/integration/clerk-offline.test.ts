import { exportSPKI, generateKeyPair, SignJWT } from "jose";
import { beforeAll, describe, expect, test } from "vitest";
import { verifyClerkRequest } from "@/server/auth/clerk-claims";

// A publishable key encodes the instance's frontend API host: pk_test_<base64("host$")>.
const frontendApi = "evne-test.clerk.accounts.dev";
const publishableKey = `pk_test_${Buffer.from(`${frontendApi}$`).toString("base64")}`;
const secretKey = "sk_test_offline_verification_only";
const origin = "http://localhost:3000";

let privateKey: CryptoKey;
let jwtKey: string;

beforeAll(async () => {
  const pair = await generateKeyPair("RS256", { extractable: true });
  privateKey = pair.privateKey;
  jwtKey = await exportSPKI(pair.publicKey);
});

async function sessionToken(claims: Record<string, unknown>, key: CryptoKey = privateKey, expiresIn = "5m") {
  return new SignJWT({ sid: "sess_123", azp: origin, v: 2, ...claims })
    .setProtectedHeader({ alg: "RS256", kid: "ins_test" })
    .setSubject("user_2abc")
    .setIssuer(`https://${frontendApi}`)
    .setIssuedAt()
    .setNotBefore(Math.floor(Date.now() / 1000) - 5)
    .setExpirationTime(expiresIn)
    .sign(key);
}

function apiRequest(token: string) {
  return new Request(`${origin}/api/me/export`, { headers: { Authorization: `Bearer ${token}`, "sec-fetch-dest": "empty" } });
}

describe("Clerk session verification without network (CLERK_JWT_KEY)", () => {
  const keys = () => ({ secretKey, publishableKey, jwtKey, authorizedParties: [origin] });

  test("a session token signed by the instance key authenticates, with our custom claims", async () => {
    const token = await sessionToken({ email: "kari@example.no", name: "Kari", metadata: { role: "admin" } });
    const identity = await verifyClerkRequest(apiRequest(token), keys());
    expect(identity).toEqual({ provider: "clerk", clerkId: "user_2abc", email: "kari@example.no", name: "Kari", role: "admin" });
  });

  test("a token signed by another key is rejected", async () => {
    const other = await generateKeyPair("RS256");
    const token = await sessionToken({}, other.privateKey);
    expect(await verifyClerkRequest(apiRequest(token), keys())).toBeNull();
  });

  test("an expired token is rejected", async () => {
    const token = await new SignJWT({ sid: "sess_1", azp: origin })
      .setProtectedHeader({ alg: "RS256" })
      .setSubject("user_2abc")
      .setIssuer(`https://${frontendApi}`)
      .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
      .setNotBefore(Math.floor(Date.now() / 1000) - 3600)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 1800)
      .sign(privateKey);
    expect(await verifyClerkRequest(apiRequest(token), keys())).toBeNull();
  });

  test("a token for another authorized party is rejected", async () => {
    const token = await sessionToken({ azp: "https://evil.example" });
    expect(await verifyClerkRequest(apiRequest(token), keys())).toBeNull();
  });

  test("no token means signed out", async () => {
    expect(await verifyClerkRequest(new Request(`${origin}/api/me/export`), keys())).toBeNull();
  });
});
