import "server-only";
import { DbOpenError } from "./client";
import { dbUnavailableDigest } from "./unavailable-digest";

export { dbUnavailableDigest };

/** postgres.js / Node socket failures: the server is down, restarting, or not reachable. */
const connectionCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "EPIPE",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
]);

/** SQLSTATEs meaning "not now": connection exceptions (08…), shutdown/cannot connect (57P0…), too many connections, statement timeout. */
function unavailableSqlState(code: string): boolean {
  return code.startsWith("08") || /^57P0[1-4]$/.test(code) || code === "53300" || code === "57014";
}

export function isDbUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    if (e instanceof DbOpenError || e instanceof DbUnavailableError) return true;
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (connectionCodes.has(code) || unavailableSqlState(code))) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

export class DbUnavailableError extends Error {
  override name = "DbUnavailableError";
  readonly digest = dbUnavailableDigest;
  constructor(cause: unknown) {
    super("The database is not reachable right now", { cause });
  }
}

/** Rethrows a connection failure as DbUnavailableError (logged once, briefly); anything else as it was. */
export function markDbUnavailable(error: unknown): unknown {
  if (error instanceof DbUnavailableError || !isDbUnavailable(error)) return error;
  console.error(`[db] unavailable: ${describeCause(error)}`);
  return new DbUnavailableError(error);
}

function describeCause(error: unknown): string {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return `${code} ${(e as Error).message ?? ""}`.trim();
    e = (e as { cause?: unknown }).cause;
  }
  return error instanceof Error ? error.message : String(error);
}
