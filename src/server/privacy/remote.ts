import "server-only";
import { createClerkClient } from "@clerk/backend";
import { UTApi } from "uploadthing/server";
import type { Env } from "@/env";
import { diskStorage } from "@/server/storage/disk";

/** The remote deletions an erasure may need; each resolves when the thing is gone (or already was). */
export type RemoteDeleters = {
  clerkUser(clerkId: string): Promise<void>;
  uploadthingFile(key: string): Promise<void>;
  diskFile(key: string): Promise<void>;
};

function statusOf(error: unknown): number | undefined {
  if (typeof error === "object" && error !== null && "status" in error && typeof error.status === "number") return error.status;
  return undefined;
}

/** Clerk Backend API: DELETE /v1/users/{id}. A 404 means it is already gone, which is the goal. */
export function clerkUserDeleter(secretKey: string, apiUrl?: string): RemoteDeleters["clerkUser"] {
  const clerk = createClerkClient({ secretKey, apiUrl, telemetry: { disabled: true } });
  return async (clerkId) => {
    try {
      await clerk.users.deleteUser(clerkId);
    } catch (error) {
      if (statusOf(error) === 404) return;
      throw error;
    }
  };
}

/** Uploadthing: POST /v6/deleteFiles by file key. */
export function uploadthingFileDeleter(token: string): RemoteDeleters["uploadthingFile"] {
  const utapi = new UTApi({ token, logLevel: "Error" });
  return async (key) => {
    const result = await utapi.deleteFiles(key);
    if (!result.success) throw new Error("Uploadthing did not confirm the deletion");
  };
}

/** Embedded storage: the file under <dataDir>/uploads, through the storage module (same key rules). */
export function diskFileDeleter(dataDir: string): RemoteDeleters["diskFile"] {
  const storage = diskStorage(dataDir);
  return (key) => storage.delete(key);
}

/** The deleters for this deployment; a target whose service is not configured fails (and stays queued). */
export function remoteDeletersFromEnv(env: Env): RemoteDeleters {
  const missing = (what: string) => async () => {
    throw new Error(`${what} is not configured`);
  };
  return {
    clerkUser: env.CLERK_SECRET_KEY ? clerkUserDeleter(env.CLERK_SECRET_KEY) : missing("CLERK_SECRET_KEY"),
    uploadthingFile: env.UPLOADTHING_TOKEN ? uploadthingFileDeleter(env.UPLOADTHING_TOKEN) : missing("UPLOADTHING_TOKEN"),
    diskFile: diskFileDeleter(env.dataDir),
  };
}
