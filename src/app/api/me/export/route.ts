// GET /api/me/export — every record we hold about the caller, as a JSON download (schema: /api/schemas/export-v1.json)
import { jsonDownload, userRoute } from "@/server/http/route";
import { exportUserData } from "@/server/privacy/export";

export const dynamic = "force-dynamic";

export const GET = userRoute(async ({ user, db }) => {
  const data = await exportUserData(db, { userId: user.id });
  return jsonDownload(data, `evne-export-${data.generatedAt.slice(0, 10)}.json`);
});
