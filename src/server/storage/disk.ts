import "server-only";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { contentTypeForKey, isSafeKey, type FileStorage } from "./types";

export function uploadsDir(dataDir: string): string {
  return path.resolve(dataDir, "uploads");
}

function fileFor(dir: string, key: string): string {
  if (!isSafeKey(key)) throw new Error("unsafe storage key");
  const file = path.resolve(dir, key);
  // Belt and braces: the key pattern already rules out separators and "..".
  if (path.dirname(file) !== dir) throw new Error("unsafe storage key");
  return file;
}

/** Files under <DATA_DIR>/uploads, served by GET /api/files/[key]. */
export function diskStorage(dataDir: string): FileStorage {
  const dir = uploadsDir(dataDir);
  return {
    kind: "disk",
    async put(key, bytes) {
      const file = fileFor(dir, key);
      await mkdir(dir, { recursive: true });
      await writeFile(file, bytes, { flag: "wx" });
      return { key, url: `/api/files/${key}` };
    },
    async delete(key) {
      await rm(fileFor(dir, key), { force: true });
    },
  };
}

/** Reads a stored file for the files route: null for unknown or unsafe keys. */
export async function readDiskFile(dataDir: string, key: string): Promise<{ bytes: Buffer; contentType: string } | null> {
  if (!isSafeKey(key)) return null;
  try {
    const bytes = await readFile(fileFor(uploadsDir(dataDir), key));
    return { bytes, contentType: contentTypeForKey(key) };
  } catch {
    return null;
  }
}
