import "server-only";
import { UTApi, UTFile } from "uploadthing/server";
import type { FileStorage } from "./types";

/** Uploadthing's file storage, through its server SDK (UTApi), for production. */
export function uploadthingStorage(token: string): FileStorage {
  let api: UTApi | undefined;
  // Created on first use, so it picks up the fetch in place then (tests intercept it with msw).
  const utapi = () => (api ??= new UTApi({ token, logLevel: "Error" }));
  return {
    kind: "uploadthing",
    async put(key, bytes, contentType) {
      const file = new UTFile([new Uint8Array(bytes)], key, { type: contentType });
      const result = await utapi().uploadFiles(file);
      if (result.error || !result.data) throw new Error(`Uploadthing upload failed: ${result.error?.message ?? "no data"}`);
      return { key: result.data.key, url: result.data.ufsUrl };
    },
    async delete(key) {
      const result = await utapi().deleteFiles(key);
      if (!result.success) throw new Error("Uploadthing delete failed");
    },
  };
}
