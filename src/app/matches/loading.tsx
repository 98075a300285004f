import { RoleCardsSkeleton } from "@/components/matching/skeletons";
import { getMessages } from "@/i18n/server";

export default async function Loading() {
  const { m } = await getMessages();
  return (
    <section className="stack">
      <h1>{m.matching.title}</h1>
      <RoleCardsSkeleton count={4} label={m.common.actions.loading} />
    </section>
  );
}
