import "@tests/helpers/node20-polyfills";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import sharp from "sharp";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { AppError } from "@/server/errors";
import { processAvatar, removeAvatar, setAvatar } from "@/server/profile/avatar";
import { getContact } from "@/server/profile/queries";
import { MAX_AVATAR_BYTES } from "@/server/profile/schemas";
import { diskStorage } from "@/server/storage/disk";
import { isSafeKey } from "@/server/storage/types";
import { uploadthingStorage } from "@/server/storage/uploadthing";
import { createTestDb, type TestDb } from "@tests/helpers/db";
import { insertTestUser } from "@tests/helpers/profile-fixtures";

let dataDir: string;
let t: TestDb;
let userId: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "evne-avatar-"));
  vi.stubEnv("DATA_DIR", dataDir);
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

beforeEach(async () => {
  t = await createTestDb();
  userId = (await insertTestUser(t.db, "avatar@example.test")).id;
});

afterEach(async () => {
  await t.close();
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error.details?.fieldErrors?.avatar?.[0] ?? error.message;
}

/** A JPEG that says where it was taken: GPS and camera EXIF, as phones write them. */
async function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 200, g: 60, b: 40 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: "PhoneMaker", Model: "Phone 9", Artist: "Kari Nordmann" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "59/1 54/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "10/1 45/1 0/1" },
    })
    .toBuffer();
}

describe("avatar processing", () => {
  test("a JPEG with GPS EXIF comes out as a 512x512 WebP without any metadata", async () => {
    const input = await jpegWithGps();
    const before = await sharp(input).metadata();
    expect(before.exif).toBeDefined();
    expect(before.exif?.toString("latin1")).toContain("PhoneMaker");

    const output = await processAvatar(input);
    const after = await sharp(output).metadata();
    expect(after.format).toBe("webp");
    expect([after.width, after.height]).toEqual([512, 512]);
    expect(after.exif).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(output.toString("latin1")).not.toContain("PhoneMaker");
    expect(output.toString("latin1")).not.toContain("EXIF");
  });

  test("EXIF orientation is applied before it is stripped", async () => {
    // Left half red, right half blue, stored sideways: orientation 6 means "rotate 90° clockwise to view".
    const red = await sharp({ create: { width: 200, height: 200, channels: 3, background: "#ff0000" } }).png().toBuffer();
    const input = await sharp({ create: { width: 400, height: 200, channels: 3, background: "#0000ff" } })
      .composite([{ input: red, left: 0, top: 0 }])
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const { data } = await sharp(await processAvatar(input)).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => Array.from(data.subarray((y * 512 + x) * 3, (y * 512 + x) * 3 + 3));
    // Upright, the red half is on top.
    expect(pixel(256, 20)[0]).toBeGreaterThan(200);
    expect(pixel(256, 20)[2]).toBeLessThan(60);
    expect(pixel(256, 490)[2]).toBeGreaterThan(200);
  });

  test("a file that is not an image is rejected, whatever it is called", async () => {
    expect(await codeOf(processAvatar(new TextEncoder().encode("<svg onload=alert(1)>not really</svg>")))).toBe("not_image");
    expect(await codeOf(processAvatar(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4])))).toBe("not_image");
    expect(await codeOf(processAvatar(new Uint8Array()))).toBe("file_missing");
  });

  test("a file over 4 MB is rejected before decoding", async () => {
    const big = new Uint8Array(MAX_AVATAR_BYTES + 1);
    const error = await processAvatar(big).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("payload_too_large");
    expect(await codeOf(processAvatar(big))).toBe("file_too_large");
  });
});

describe("disk storage and GET /api/files/[key]", () => {
  test("replacing an avatar deletes the old file; removing deletes the current one", async () => {
    const storage = diskStorage(dataDir);
    const first = await setAvatar(t.db, storage, { userId, bytes: await jpegWithGps() });
    expect(first.url).toMatch(/^\/api\/files\/avatar-[0-9a-f-]+\.webp$/);
    const second = await setAvatar(t.db, storage, { userId, bytes: await jpegWithGps() });
    expect(second.url).not.toBe(first.url);
    const files = await readdir(path.join(dataDir, "uploads"));
    expect(files).toEqual([second.url.split("/").pop()]);
    expect((await getContact(t.db, { userId }))?.avatarUrl).toBe(second.url);

    const { GET } = await import("@/app/api/files/[key]/route");
    const key = second.url.split("/").pop() ?? "";
    const response = await GET(new Request(`http://localhost${second.url}`), { params: Promise.resolve({ key }) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/webp");
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect((await sharp(Buffer.from(await response.arrayBuffer())).metadata()).format).toBe("webp");

    expect(await removeAvatar(t.db, storage, { userId })).toEqual({ removed: true });
    expect(await readdir(path.join(dataDir, "uploads"))).toEqual([]);
    expect((await getContact(t.db, { userId }))?.avatarUrl).toBeNull();
    expect(await removeAvatar(t.db, storage, { userId })).toBeNull();
    const gone = await GET(new Request(`http://localhost${second.url}`), { params: Promise.resolve({ key }) });
    expect(gone.status).toBe(404);
  });

  test("keys that could leave the uploads folder are refused", async () => {
    const { GET } = await import("@/app/api/files/[key]/route");
    for (const key of ["../secrets/search-log-key", "..", ".env", "a/b.webp", "a\\b.webp", "%2e%2e", "x".repeat(200)]) {
      expect(isSafeKey(key)).toBe(false);
      const response = await GET(new Request("http://localhost/api/files/x"), { params: Promise.resolve({ key }) });
      expect(response.status).toBe(404);
    }
    await expect(diskStorage(dataDir).put("../escape.webp", new Uint8Array([1]), "image/webp")).rejects.toThrow(/unsafe/);
  });
});

describe("Uploadthing storage (UTApi over msw)", () => {
  const uploads: { url: string; type: string; size: number; name: string }[] = [];
  const deletes: unknown[] = [];
  const server = setupServer(
    http.put("https://fra1.ingest.uploadthing.com/*", async ({ request }) => {
      const form = await request.formData();
      const file = form.get("file");
      if (!(file instanceof File)) return HttpResponse.json({ error: "no file" }, { status: 400 });
      const key = new URL(request.url).pathname.slice(1);
      // The file name travels in the signed URL; the form part itself is a plain blob.
      uploads.push({ url: request.url, type: file.type, size: file.size, name: new URL(request.url).searchParams.get("x-ut-file-name") ?? "" });
      const ufsUrl = `https://app1.ufs.sh/f/${key}`;
      return HttpResponse.json({ url: ufsUrl, appUrl: ufsUrl, ufsUrl, fileHash: "hash" });
    }),
    http.post("https://api.uploadthing.com/v6/deleteFiles", async ({ request }) => {
      deletes.push({ body: await request.json(), apiKey: request.headers.get("x-uploadthing-api-key") });
      return HttpResponse.json({ success: true, deletedCount: 1 });
    }),
  );
  const token = Buffer.from(JSON.stringify({ apiKey: "sk_test_0123456789", appId: "app1", regions: ["fra1"] })).toString("base64");

  beforeAll(() => server.listen({ onUnhandledFrame: "error" }));
  afterAll(() => server.close());

  test("sends the re-encoded file and deletes the old key on replace and remove", async () => {
    const storage = uploadthingStorage(token);
    const first = await setAvatar(t.db, storage, { userId, bytes: await jpegWithGps() });
    expect(uploads).toHaveLength(1);
    expect(uploads[0]).toMatchObject({ type: "image/webp" });
    expect(uploads[0]?.name).toMatch(/^avatar-[0-9a-f-]+\.webp$/);
    expect(first.url).toMatch(/^https:\/\/app1\.ufs\.sh\/f\//);
    const firstKey = first.url.split("/").pop();
    expect(deletes).toEqual([]);

    const second = await setAvatar(t.db, storage, { userId, bytes: await jpegWithGps() });
    expect(uploads).toHaveLength(2);
    expect(deletes).toEqual([{ body: { fileKeys: [firstKey] }, apiKey: "sk_test_0123456789" }]);
    expect((await getContact(t.db, { userId }))?.avatarUrl).toBe(second.url);

    await removeAvatar(t.db, storage, { userId });
    expect(deletes).toHaveLength(2);
    expect(deletes[1]).toMatchObject({ body: { fileKeys: [second.url.split("/").pop()] } });
  });
});
