import { getMessages } from "@/i18n/server";
import { requireUser } from "@/server/auth/session";
import { EmptyState } from "@/components/empty-state";

export default async function ProfilePage() {
  await requireUser("/profile");
  const { m } = await getMessages();
  return (
    <section>
      <h1>{m.common.nav.profile}</h1>
      <EmptyState title={m.common.empty.comingSoon} />
    </section>
  );
}
