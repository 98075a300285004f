import "server-only";
import type { User } from "@/server/db/schema";
import type { SessionUser } from "./types";

export function parseAdminEmails(list: string | undefined): Set<string> {
  return new Set((list ?? "").split(",").map((e) => e.trim().toLowerCase()).filter(Boolean));
}

export function toSessionUser(user: User, adminEmails: string | undefined): SessionUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    isAdmin: user.role === "admin" || parseAdminEmails(adminEmails).has(user.email.toLowerCase()),
    locale: user.locale,
    restricted: user.restrictedAt !== null,
    objected: user.objectedAt !== null,
  };
}
