import { TrendsSkeleton } from "@/components/stats/trends-skeleton";
import { getMessages } from "@/i18n/server";

export default async function Loading() {
  const { m } = await getMessages();
  return (
    <section className="stack">
      <h1>{m.stats.title}</h1>
      <TrendsSkeleton label={m.stats.loading} />
    </section>
  );
}
