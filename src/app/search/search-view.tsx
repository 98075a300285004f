"use client";
import Link from "next/link";
import { useEffect, useId, useState } from "react";
import { MAX_QUERY_LENGTH, useConceptSearch, type ConceptHit, type SearchErrorKind } from "@/components/concept-autocomplete";
import { useMessages } from "@/i18n/client";
import styles from "./search.module.css";

export type SearchViewError = SearchErrorKind;
type Kind = "skill" | "role";

/** Search box with skill/role tabs; results update as you type (the server rendered the first ones). */
export function SearchView(props: { initialQ: string; initialType: Kind; initialResults: ConceptHit[] | null; initialError?: SearchViewError }) {
  const { m, format } = useMessages();
  const id = useId();
  const [q, setQ] = useState(props.initialQ);
  const [type, setType] = useState<Kind>(props.initialType);
  const live = useConceptSearch(q, type, 20);
  const trimmed = q.trim();
  const isInitial = trimmed === props.initialQ.trim() && type === props.initialType;

  // Keep the address shareable and the back button meaningful without a navigation per keystroke.
  useEffect(() => {
    const params = new URLSearchParams();
    if (trimmed) params.set("q", trimmed);
    if (type !== "skill") params.set("type", type);
    const next = `/search${params.size ? `?${params}` : ""}`;
    if (`${window.location.pathname}${window.location.search}` !== next) window.history.replaceState(null, "", next);
  }, [trimmed, type]);

  // Until the live search answers, what the server rendered for the same query stands.
  const useInitial = isInitial && (live.status === "loading" || live.status === "idle") && (props.initialResults !== null || props.initialError);
  const status = useInitial ? (props.initialError ? "error" : "done") : live.status;
  const results = useInitial ? (props.initialResults ?? []) : live.results;
  const error = useInitial ? props.initialError : live.error;

  return (
    <div className="stack">
      <form role="search" action="/search" method="get" className="stack" onSubmit={(e) => e.preventDefault()}>
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

      <div role="status" aria-live="polite" className={styles.status}>
        {status === "loading" ? m.search.loading : null}
        {status === "done" && results.length > 0 ? format(m.search.resultCount, { count: results.length }) : null}
      </div>

      {status === "error" ? <p className="notice error" role="alert">{m.search.errors[error ?? "failed"]}</p> : null}
      {status === "idle" && !useInitial ? (
        <div className="empty-state">
          <h2>{m.search.emptyTitle}</h2>
          <p className="muted">{m.search.emptyBody}</p>
        </div>
      ) : null}
      {status === "done" && results.length === 0 ? <p className="notice">{format(m.search.noResults, { q: trimmed })}</p> : null}
      {status === "done" && results.length > 0 ? (
        <ul className="list-plain" aria-label={m.search.types[type]}>
          {results.map((r) => (
            <li key={r.conceptId} className={`card ${styles.result}`}>
              {type === "role" ? (
                <Link href={`/roles/${r.conceptId}`} className={styles.label}>{r.label}</Link>
              ) : (
                <span className={styles.label}>{r.label}</span>
              )}
              {r.matchedLabel ? <span className="muted small">{format(m.search.matchedVia, { label: r.matchedLabel })}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
