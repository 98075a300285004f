"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Suspense, use, useEffect, useId, useState } from "react";
import { MAX_QUERY_LENGTH, useConceptSearch, type ConceptHit, type SearchErrorKind, type SearchStatus } from "@/components/concept-autocomplete-search";
import { HaveSkillButton } from "@/components/matching/skill-actions";
import { useMessages } from "@/i18n/client";
import styles from "./search.module.css";

export type InitialSearch = { results: ConceptHit[] } | { error: SearchErrorKind };
type Kind = "skill" | "role";
type Shown = { status: SearchStatus; results: ConceptHit[]; error?: SearchErrorKind; q: string; type: Kind; signedIn: boolean };

/**
 * Search box with skill/role tabs. Results update as you type (not logged); submitting loads
 * /search?q= (the search the log records). The submitted search's results stream from the server.
 */
export function SearchView(props: { initialQ: string; initialType: Kind; initial: Promise<InitialSearch> | null; signedIn: boolean }) {
  const { m } = useMessages();
  const id = useId();
  const router = useRouter();
  const [q, setQ] = useState(props.initialQ);
  const [type, setType] = useState<Kind>(props.initialType);
  const trimmed = q.trim();
  const showInitial = props.initial !== null && trimmed === props.initialQ.trim() && type === props.initialType;
  const live = useConceptSearch(showInitial ? "" : q, type, 20);
  const target = searchUrl(trimmed, type);

  // Keep the address shareable and the back button meaningful without a navigation per keystroke.
  useEffect(() => {
    if (`${window.location.pathname}${window.location.search}` !== target) window.history.replaceState(null, "", target);
  }, [target]);

  return (
    <div className="stack">
      <form
        role="search"
        action="/search"
        method="get"
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (trimmed) router.push(target);
        }}
      >
        <fieldset className={styles.tabs}>
          <legend className="visually-hidden">{m.search.types.label}</legend>
          {(["skill", "role"] as const).map((kind) => (
            <label key={kind} className={type === kind ? `${styles.tab} ${styles.selected}` : styles.tab}>
              <input type="radio" name="type" value={kind} checked={type === kind} onChange={() => setType(kind)} className="visually-hidden" />
              {m.search.types[kind]}
            </label>
          ))}
        </fieldset>
        <div className="row">
          <label className={`field ${styles.grow}`} htmlFor={`${id}-q`}>
            <span>{m.search.label}</span>
            <input
              id={`${id}-q`}
              type="search"
              name="q"
              value={q}
              maxLength={MAX_QUERY_LENGTH}
              placeholder={m.search.placeholder[type]}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => setQ(e.target.value)}
            />
          </label>
          <button className="btn primary" type="submit">{m.search.submit}</button>
        </div>
      </form>

      {showInitial && props.initial ? (
        <Suspense key={`${props.initialType}|${props.initialQ}`} fallback={<ResultsSkeleton />}>
          <SubmittedResults promise={props.initial} q={trimmed} type={type} signedIn={props.signedIn} />
        </Suspense>
      ) : (
        <Results status={live.status} results={live.results} error={live.error} q={trimmed} type={type} signedIn={props.signedIn} />
      )}
    </div>
  );
}

function searchUrl(q: string, type: Kind): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (type !== "skill") params.set("type", type);
  return `/search${params.size ? `?${params}` : ""}`;
}

function SubmittedResults(props: Omit<Shown, "status" | "results" | "error"> & { promise: Promise<InitialSearch> }) {
  const outcome = use(props.promise);
  return "error" in outcome ? <Results {...props} status="error" results={[]} error={outcome.error} /> : <Results {...props} status="done" results={outcome.results} />;
}

/** Shaped like the result cards, so the page does not jump when they arrive. */
function ResultsSkeleton() {
  const { m } = useMessages();
  return (
    <div className="stack">
      <div role="status" aria-live="polite" className={styles.status}>{m.search.resultsLoading}</div>
      <ul className="list-plain" aria-hidden="true">
        {[70, 55, 62, 48].map((width) => (
          <li key={width} className={`card ${styles.result} ${styles.skeleton}`}>
            <span className={styles.skeletonLine} style={{ width: `${width}%` }} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function Results({ status, results, error, q, type, signedIn }: Shown) {
  const { m, format } = useMessages();
  return (
    <>
      <div role="status" aria-live="polite" className={styles.status}>
        {status === "loading" ? m.search.loading : null}
        {status === "done" && results.length > 0 ? format(m.search.resultCount, { count: results.length }) : null}
      </div>
      {status === "error" ? <p className="notice error" role="alert">{m.search.errors[error ?? "failed"]}</p> : null}
      {status === "idle" ? (
        <div className="empty-state">
          <h2>{m.search.emptyTitle}</h2>
          <p className="muted">{m.search.emptyBody}</p>
        </div>
      ) : null}
      {status === "done" && results.length === 0 ? <p className="notice">{format(m.search.noResults, { q })}</p> : null}
      {status === "done" && results.length > 0 ? (
        <ul className="list-plain" aria-label={m.search.types[type]}>
          {results.map((r) => (
            <li key={r.conceptId} className={`card ${styles.result}`} data-uri={r.uri}>
              {type === "role" ? (
                <Link href={`/roles/${r.conceptId}`} className={styles.label}>{r.label}</Link>
              ) : (
                <span className={styles.label}>{r.label}</span>
              )}
              {r.matchedLabel ? <span className="muted small">{format(m.search.matchedVia, { label: r.matchedLabel })}</span> : null}
              {type === "skill" && signedIn ? (
                <span className={styles.action}>
                  <HaveSkillButton conceptId={r.conceptId} label={m.search.addToProfile} />
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
