import "server-only";
import { chooseAdapters, type Env } from "@/env";
import { diskStorage } from "./disk";
import type { FileStorage } from "./types";
import { uploadthingStorage } from "./uploadthing";

export type { FileStorage } from "./types";

/** The storage adapter for this environment: Uploadthing when UPLOADTHING_TOKEN is set, else disk. */
export function storageFor(env: Env): FileStorage {
  if (chooseAdapters(env).storage === "uploadthing" && env.UPLOADTHING_TOKEN) return uploadthingStorage(env.UPLOADTHING_TOKEN);
  return diskStorage(env.dataDir);
}
