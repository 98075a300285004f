// GET /api/files/[key] — a file from the disk storage adapter (avatars), cached for good: keys are never reused.
import { z } from "zod";
import { adapters } from "@/server/adapters";
import { errorResponse } from "@/server/http/route";
import { AppError } from "@/server/errors";
import { readDiskFile } from "@/server/storage/disk";
import { isSafeKey } from "@/server/storage/types";

const params = z.object({ key: z.string().refine(isSafeKey) });

export async function GET(_request: Request, context: { params: Promise<{ key: string }> }): Promise<Response> {
  try {
    const parsed = params.safeParse(await context.params);
    if (!parsed.success) throw new AppError("not_found", "Not found");
    const file = await readDiskFile(adapters().config.dataDir, parsed.data.key);
    if (!file) throw new AppError("not_found", "Not found");
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Length": String(file.bytes.byteLength),
        "Cache-Control": "public, max-age=31536000, immutable",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
