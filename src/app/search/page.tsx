import type { Metadata } from "next";
import { headers } from "next/headers";
import { getMessages } from "@/i18n/server";
import { getSessionUser } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { embedderFor } from "@/server/ai/redact";
import { AppError } from "@/server/errors";
import { enforceRateLimit, searchRateLimit } from "@/server/ratelimit";
import { searchConcepts } from "@/server/search/concepts";
import type { ConceptHit } from "@/components/concept-autocomplete";
import { logSearch } from "@/server/search/log";
import { searchQuerySchema } from "@/server/search/query";
import { SearchView, type SearchViewError } from "./search-view";
import { log } from "@/server/log";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getMessages();
  return { title: m.search.title };
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** /search?q=&type= — renders results on the server too, so a plain form submit works without JavaScript. */
export default async function SearchPage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale, m } = await getMessages();
  const raw = await props.searchParams;
  const type = first(raw.type) === "role" ? "role" : "skill";
  const parsed = searchQuerySchema.safeParse({ q: first(raw.q) ?? "", type, lang: locale, limit: 20 });
  let results: ConceptHit[] | null = null;
  let error: SearchViewError | undefined;
  const q = parsed.success ? parsed.data.q : (first(raw.q) ?? "").slice(0, 200);
  if (!parsed.success) error = "tooLong";
  else if (q.length >= 2) {
    try {
      const db = await getDb();
      const user = await getSessionUser();
      await enforceRateLimit(db, searchRateLimit(user, await headers()));
      results = await searchConcepts(db, { ...parsed.data, embedder: await embedderFor(db, user), mode: "hybrid" });
      await logSearch(db, { user, query: q, type, resolvedConceptId: results[0]?.conceptId ?? null });
    } catch (e) {
      if (!(e instanceof AppError)) log.error("search", "page search failed", { error: e });
      error = e instanceof AppError && e.code === "rate_limited" ? "rateLimited" : "failed";
    }
  }
  return (
    <section className="stack">
      <h1>{m.search.title}</h1>
      <p className="lead">{m.search.lead}</p>
      <SearchView initialQ={q} initialType={type} initialResults={results} initialError={error} />
    </section>
  );
}
