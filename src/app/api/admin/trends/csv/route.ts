// GET /api/admin/trends/csv?period=&type= — the published (disclosure-controlled) aggregates of
// /admin/trends as CSV. Admins only; 404 for everyone else.
import { adminRoute } from "@/server/http/route";
import { loadTrends, trendsCsv, trendsFilter } from "@/server/stats/queries";

export const GET = adminRoute(async ({ request, db, user, config }) => {
  const url = new URL(request.url);
  const filter = trendsFilter.parse({ period: url.searchParams.get("period") ?? undefined, type: url.searchParams.get("type") ?? undefined });
  const trends = await loadTrends(db, { ...filter, k: config.STATS_K, locale: user.locale });
  return new Response(trendsCsv(trends, filter), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="evne-trends-${filter.type}-${filter.period}d.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
