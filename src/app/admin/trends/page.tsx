import { getMessages } from "@/i18n/server";
import { requireAdmin } from "@/server/auth/session";
import { EmptyState } from "@/components/empty-state";

export default async function TrendsPage() {
  await requireAdmin();
  const { m } = await getMessages();
  return (
    <section>
      <h1>{m.common.nav.admin}</h1>
      <EmptyState title={m.common.empty.comingSoon} />
    </section>
  );
}
