import { Suspense } from "react";
import { EmptyState } from "@/components/empty-state";
import { ExtractPanel } from "@/components/matching/extract-panel";
import { MatchesContent } from "@/components/matching/matches-content";
import { RoleCardsSkeleton, SkillListSkeleton } from "@/components/matching/skeletons";
import { getMessages } from "@/i18n/server";
import { requireUser } from "@/server/context";
import { limitPage } from "@/server/http/page-limit";

export const dynamic = "force-dynamic";

export default async function MatchesPage() {
  const user = await requireUser("/matches");
  await limitPage("matches", user);
  const { locale, m } = await getMessages();
  const t = m.matching;
  if (user.restricted) {
    return (
      <section className="stack">
        <h1>{t.title}</h1>
        <EmptyState title={t.restricted.title} body={t.restricted.body} action={{ href: "/settings/privacy", label: t.restricted.action }} />
      </section>
    );
  }
  return (
    <section className="stack">
      <h1>{t.title}</h1>
      <Suspense
        fallback={
          <>
            <RoleCardsSkeleton count={4} label={m.common.actions.loading} />
            <SkillListSkeleton rows={3} label={m.common.actions.loading} />
          </>
        }
      >
        <MatchesContent user={user} lang={locale} t={t} />
      </Suspense>
      <section className="card" aria-labelledby="extract-title">
        <h2 id="extract-title">{t.extract.title}</h2>
        <p className="hint">{t.extract.lead}</p>
        <ExtractPanel />
      </section>
    </section>
  );
}
