import type { Metadata } from "next";
import { headers } from "next/headers";
import { getMessages } from "@/i18n/server";
import { getSessionUser, requestContext } from "@/server/context";
import { log } from "@/server/log";
import { AppError } from "@/server/errors";
import { personSearch } from "@/server/search/person-search";
import { searchQuerySchema, type SearchQuery } from "@/server/search/query";
import { SearchView, type InitialSearch } from "./search-view";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getMessages();
  return { title: m.search.title };
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * /search?q=&type= — a submitted search: logged once, here. The heading and the form render at
 * once; the results stream in behind a skeleton. A plain form submit works without JavaScript.
 */
export default async function SearchPage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale, m } = await getMessages();
  const raw = await props.searchParams;
  const type = first(raw.type) === "role" ? "role" : "skill";
  const parsed = searchQuerySchema.safeParse({ q: first(raw.q) ?? "", type, lang: locale, limit: 20 });
  const user = await getSessionUser();
  const q = parsed.success ? parsed.data.q : (first(raw.q) ?? "").replaceAll("\u0000", "").slice(0, 200);
  let initial: Promise<InitialSearch> | null = null;
  if (!parsed.success) initial = Promise.resolve({ error: "tooLong" });
  else if (q.length >= 2) initial = submittedSearch(parsed.data);
  return (
    <section className="stack">
      <h1>{m.search.title}</h1>
      <p className="lead">{m.search.lead}</p>
      <SearchView initialQ={q} initialType={type} initial={initial} signedIn={user !== null} />
    </section>
  );
}

/** Never rejects: the view shows an error message instead. */
async function submittedSearch(input: SearchQuery): Promise<InitialSearch> {
  try {
    const results = await personSearch({ ...(await requestContext()), headers: await headers() }, { ...input, record: "search" });
    return { results };
  } catch (e) {
    if (!(e instanceof AppError)) log.error("search", "page search failed", { error: e });
    return { error: e instanceof AppError && e.code === "rate_limited" ? "rateLimited" : "failed" };
  }
}
