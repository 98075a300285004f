// GET /api/schemas/export-v1.json — JSON Schema of the personal-data export, generated from its zod schema
import { exportJsonSchema } from "@/server/privacy/export-schema";

export const dynamic = "force-static";

export function GET(): Response {
  return Response.json(exportJsonSchema(), { headers: { "Content-Type": "application/schema+json", "Cache-Control": "public, max-age=3600" } });
}
