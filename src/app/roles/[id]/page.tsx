import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { RoleCoverage, RoleSkillLists } from "@/components/matching/role-coverage";
import { RoleCardsSkeleton, SkillListSkeleton } from "@/components/matching/skeletons";
import { getMessages } from "@/i18n/server";
import { getSessionUser } from "@/server/context";
import { adapters } from "@/server/adapters";
import { limitPage } from "@/server/http/page-limit";
import { roleBackLink } from "@/server/matching/back-link";
import { getRoleDetails } from "@/server/matching/role-page";

export const dynamic = "force-dynamic";

export default async function RolePage(props: { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string | string[] }> }) {
  const [{ id }, { from }, h] = await Promise.all([props.params, props.searchParams, headers()]);
  await limitPage("role_page", await getSessionUser());
  const { locale, m } = await getMessages();
  const t = m.matching;
  const db = await adapters().db();
  const role = await getRoleDetails(db, { roleId: id, lang: locale });
  if (!role) notFound();
  const user = await getSessionUser();
  const back = roleBackLink({ from, referer: h.get("referer"), host: h.get("host") });

  return (
    <article className="stack">
      <p>
        <Link href={back.href}>← {back.to === "search" ? t.role.backSearch : t.role.back}</Link>
      </p>
      <h1>{role.label}</h1>
      {role.description ? <p className="lead">{role.description}</p> : null}
      {user ? (
        <Suspense
          fallback={
            <>
              <RoleCardsSkeleton count={1} label={m.common.actions.loading} />
              <SkillListSkeleton rows={5} label={m.common.actions.loading} />
            </>
          }
        >
          <RoleCoverage role={role} user={user} restricted={user.restricted} lang={locale} t={t} />
        </Suspense>
      ) : (
        <>
          <p className="notice">
            <Link href={`/sign-in?next=${encodeURIComponent(`/roles/${role.id}`)}`}>{t.role.signIn}</Link>
          </p>
          <RoleSkillLists role={role} t={t} />
        </>
      )}
    </article>
  );
}
