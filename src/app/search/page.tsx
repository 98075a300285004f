import { getMessages } from "@/i18n/server";
import { EmptyState } from "@/components/empty-state";

export default async function SearchPage() {
  const { m } = await getMessages();
  return (
    <section>
      <h1>{m.common.nav.search}</h1>
      <EmptyState title={m.common.empty.comingSoon} />
    </section>
  );
}
