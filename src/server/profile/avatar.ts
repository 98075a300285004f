import "server-only";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import type { Db } from "@/server/db/client";
import { profiles } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import type { FileStorage } from "@/server/storage/types";
import { MAX_AVATAR_BYTES } from "./schemas";
import { log } from "@/server/log";

export const AVATAR_SIZE = 512;

/**
 * Re-encodes an uploaded picture: decoded by sharp (so only real images pass, whatever the file is
 * called), turned upright by its EXIF orientation, cropped to a 512x512 square and written as WebP
 * with no metadata at all (sharp drops EXIF, GPS, XMP and ICC unless asked to keep them).
 */
export async function processAvatar(bytes: Uint8Array): Promise<Buffer> {
  if (bytes.byteLength === 0) throw new AppError("bad_request", "file_missing", { fieldErrors: { avatar: ["file_missing"] } });
  if (bytes.byteLength > MAX_AVATAR_BYTES) {
    throw new AppError("payload_too_large", "file_too_large", { fieldErrors: { avatar: ["file_too_large"] } });
  }
  try {
    const image = sharp(bytes, { limitInputPixels: 40_000_000, failOn: "error" });
    const meta = await image.metadata();
    if (!meta.width || !meta.height) throw new Error("no dimensions");
    return await image
      .rotate()
      .resize(AVATAR_SIZE, AVATAR_SIZE, { fit: "cover", position: "attention", withoutEnlargement: false })
      .webp({ quality: 82 })
      .toBuffer();
  } catch {
    throw new AppError("unsupported_media_type", "not_image", { fieldErrors: { avatar: ["not_image"] } });
  }
}

/** Stores a new avatar for the user and deletes the one it replaces. */
export async function setAvatar(db: Db, storage: FileStorage, p: { userId: string; bytes: Uint8Array }) {
  const webp = await processAvatar(p.bytes);
  const [old] = await db
    .select({ key: profiles.avatarKey, storage: profiles.avatarStorage })
    .from(profiles)
    .where(eq(profiles.userId, p.userId));
  const stored = await storage.put(`avatar-${randomUUID()}.webp`, webp, "image/webp").catch((error: unknown) => {
    // The file service failed: nothing was changed, so the old picture stays. A clear code, not "internal".
    log.warn("avatar", "upload failed", { error });
    throw new AppError("unavailable", "upload_failed");
  });
  const values = { avatarKey: stored.key, avatarUrl: stored.url, avatarStorage: storage.kind, updatedAt: new Date() };
  await db
    .insert(profiles)
    .values({ userId: p.userId, ...values })
    .onConflictDoUpdate({ target: profiles.userId, set: values });
  await deleteQuietly(storage, old);
  return { url: stored.url };
}

/** Removes the user's avatar and its file; null when there was none. */
export async function removeAvatar(db: Db, storage: FileStorage, p: { userId: string }) {
  const [old] = await db
    .select({ key: profiles.avatarKey, storage: profiles.avatarStorage })
    .from(profiles)
    .where(eq(profiles.userId, p.userId));
  if (!old?.key) return null;
  await db
    .update(profiles)
    .set({ avatarKey: null, avatarUrl: null, avatarStorage: null, updatedAt: new Date() })
    .where(eq(profiles.userId, p.userId));
  await deleteQuietly(storage, old);
  return { removed: true };
}

/**
 * The old file goes after the database points elsewhere, so a failed delete never leaves a profile
 * without its picture. A file in another adapter's storage (the deployment changed) is left alone.
 */
async function deleteQuietly(storage: FileStorage, old: { key: string | null; storage: string | null } | undefined) {
  if (!old?.key || old.storage !== storage.kind) return;
  try {
    await storage.delete(old.key);
  } catch (error) {
    log.warn("avatar", "could not delete the old file", { error });
  }
}
