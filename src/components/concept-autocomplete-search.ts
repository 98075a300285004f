"use client";
// The client half of concept search: the debounced type-ahead request (never logged) and the
// "a result was chosen" report (logged once as a search). Shared by the combobox and /search.
import { useEffect, useState } from "react";
import { useMessages } from "@/i18n/client";

/** One result of GET /api/search. */
export type ConceptHit = { conceptId: string; uri: string; label: string; matchedLabel: string | null; exact: boolean; score: number };
export type SearchStatus = "idle" | "loading" | "done" | "error";
export type SearchErrorKind = "failed" | "tooLong" | "rateLimited";

const DEBOUNCE_MS = 150;
export const MAX_QUERY_LENGTH = 200;

/**
 * Debounced GET /api/search for the current text; stale responses are aborted so results always
 * belong to what is typed. Shared by the autocomplete and the search page.
 */
export function useConceptSearch(q: string, kind: "skill" | "role", limit = 8) {
  const { locale } = useMessages();
  const [state, setState] = useState<{ key: string; status: SearchStatus; results: ConceptHit[]; error?: SearchErrorKind }>({
    key: "",
    status: "idle",
    results: [],
  });
  const trimmed = q.trim();
  const key = `${kind}|${locale}|${trimmed}`;
  const active = trimmed.length >= 2 || (trimmed.length > 0 && trimmed.length > MAX_QUERY_LENGTH);

  useEffect(() => {
    if (!active) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setState((s) => ({ ...s, key, status: "loading", error: undefined }));
      try {
        const params = new URLSearchParams({ q: trimmed, type: kind, lang: locale, limit: String(limit) });
        const response = await fetch(`/api/search?${params}`, { signal: controller.signal, headers: { accept: "application/json" } });
        if (!response.ok) {
          const error: SearchErrorKind = response.status === 429 ? "rateLimited" : response.status === 400 ? "tooLong" : "failed";
          setState({ key, status: "error", results: [], error });
          return;
        }
        const body = (await response.json()) as { results?: ConceptHit[] };
        setState({ key, status: "done", results: Array.isArray(body.results) ? body.results : [] });
      } catch (error) {
        if (controller.signal.aborted) return;
        console.warn("[search] request failed", error);
        setState({ key, status: "error", results: [], error: "failed" });
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [active, key, trimmed, kind, locale, limit]);

  if (!active) return { status: "idle" as SearchStatus, results: [] as ConceptHit[], error: undefined, query: trimmed };
  // Until the debounce fires, the previous text's results are not shown as if they were this one's.
  if (state.key !== key) return { status: "loading" as SearchStatus, results: [] as ConceptHit[], error: undefined, query: trimmed };
  return { status: state.status, results: state.results, error: state.error, query: trimmed };
}

/** Tells the server which result was chosen for the typed text: the one search-log row of a type-ahead. */
export function reportSearchChoice(p: { q: string; type: "skill" | "role"; conceptId: string }): void {
  void fetch("/api/search", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(p),
    keepalive: true,
  }).catch((error: unknown) => console.warn("[search] choice not recorded", error));
}
