import "server-only";

/** Where uploaded files live: the disk under DATA_DIR (embedded) or Uploadthing (production). */
export interface FileStorage {
  readonly kind: "disk" | "uploadthing";
  /** Stores the bytes; `key` is what delete() takes later, `url` is what the browser loads. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<{ key: string; url: string }>;
  delete(key: string): Promise<void>;
}

/** Keys are one path segment of safe characters: no slashes, no "..", no leading dot. */
const safeKey = /^[A-Za-z0-9][A-Za-z0-9_-]{0,120}(\.[A-Za-z0-9]{1,8})?$/;

export function isSafeKey(key: string): boolean {
  return safeKey.test(key);
}

export const contentTypes: Record<string, string> = {
  webp: "image/webp",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
};

export function contentTypeForKey(key: string): string {
  const ext = key.slice(key.lastIndexOf(".") + 1).toLowerCase();
  return contentTypes[ext] ?? "application/octet-stream";
}
