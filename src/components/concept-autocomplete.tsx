"use client";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { useMessages } from "@/i18n/client";
import styles from "./concept-autocomplete.module.css";

export type ConceptHit = { conceptId: string; label: string; matchedLabel: string | null; score: number };
export type ConceptChoice = { conceptId: string; label: string } | { customLabel: string };
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

type Props = {
  kind: "skill" | "role";
  label: string;
  /** Form field name: the typed text is submitted as `name`, the chosen concept id as `<name>ConceptId`. */
  name?: string;
  onSelect: (choice: ConceptChoice) => void;
  allowCustom?: boolean;
  placeholder?: string;
  /** Empty the box after a choice (for "add another" lists). */
  clearOnSelect?: boolean;
};

type Option = { key: string; choice: ConceptChoice; hit?: ConceptHit };

/** An ARIA 1.2 combobox (input + listbox) over taxonomy concepts, in the user's language. */
export function ConceptAutocomplete(props: Props) {
  const { m, format } = useMessages();
  const id = useId();
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  const [chosenId, setChosenId] = useState("");
  const inputRef = useRef<HTMLInputElement>(null);
  const search = useConceptSearch(text, props.kind);
  const trimmed = text.trim();

  const options: Option[] = search.results.map((hit) => ({
    key: hit.conceptId,
    hit,
    choice: { conceptId: hit.conceptId, label: hit.label },
  }));
  const exact = search.results.some((r) => r.label.toLocaleLowerCase() === trimmed.toLocaleLowerCase());
  if (props.allowCustom && trimmed.length > 0 && trimmed.length <= MAX_QUERY_LENGTH && !exact && search.status !== "loading") {
    options.push({ key: "__custom", choice: { customLabel: trimmed } });
  }
  const showList = open && trimmed.length > 0;
  const active = activeIndex >= 0 && activeIndex < options.length ? options[activeIndex] : undefined;

  function choose(option: Option) {
    props.onSelect(option.choice);
    setChosenId("conceptId" in option.choice ? option.choice.conceptId : "");
    setText(props.clearOnSelect ? "" : "conceptId" in option.choice ? option.choice.label : option.choice.customLabel);
    setOpen(false);
    setActiveIndex(-1);
    inputRef.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setOpen(true);
      setActiveIndex((i) => (options.length === 0 ? -1 : (i + 1) % options.length));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      setActiveIndex((i) => (options.length === 0 ? -1 : i <= 0 ? options.length - 1 : i - 1));
    } else if (event.key === "Enter") {
      if (showList && active) {
        event.preventDefault();
        choose(active);
      }
    } else if (event.key === "Escape") {
      if (showList) {
        event.preventDefault();
        setOpen(false);
        setActiveIndex(-1);
      } else if (text) {
        event.preventDefault();
        setText("");
      }
    }
  }

  let status = "";
  if (showList && search.status === "loading") status = m.search.loading;
  else if (showList && search.status === "error") status = m.search.errors[search.error ?? "failed"];
  else if (showList && search.status === "done") {
    status = search.results.length === 0 ? format(m.search.noResults, { q: trimmed }) : format(m.search.resultCount, { count: search.results.length });
  }

  return (
    <div className={styles.wrapper}>
      <label className={styles.label} htmlFor={`${id}-input`}>{props.label}</label>
      <div className={styles.anchor}>
      <input
        ref={inputRef}
        id={`${id}-input`}
        className="input"
        type="text"
        name={props.name}
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        maxLength={MAX_QUERY_LENGTH}
        placeholder={props.placeholder}
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-describedby={hintId}
        aria-activedescendant={showList && active ? `${id}-opt-${activeIndex}` : undefined}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setChosenId("");
          setOpen(true);
          setActiveIndex(-1);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
      />
      {props.name ? <input type="hidden" name={`${props.name}ConceptId`} value={chosenId} /> : null}
      <span id={hintId} className="visually-hidden">{m.search.hintKeys}</span>
      <ul id={listId} role="listbox" aria-label={m.search.optionsLabel} className={styles.listbox} hidden={!showList || options.length === 0}>
        {options.map((option, index) => (
          <li
            key={option.key}
            id={`${id}-opt-${index}`}
            role="option"
            aria-selected={index === activeIndex}
            className={index === activeIndex ? `${styles.option} ${styles.active}` : styles.option}
            // mousedown, not click: it fires before the input's blur closes the list.
            onMouseDown={(e) => {
              e.preventDefault();
              choose(option);
            }}
            onMouseMove={() => setActiveIndex(index)}
          >
            {option.hit ? (
              <>
                <span>{option.hit.label}</span>
                {option.hit.matchedLabel ? <span className={styles.synonym}>{format(m.search.matchedVia, { label: option.hit.matchedLabel })}</span> : null}
              </>
            ) : (
              <span className={styles.custom}>{format(m.search.addCustom, { text: trimmed })}</span>
            )}
          </li>
        ))}
      </ul>
      </div>
      <div role="status" aria-live="polite" className={showList && status ? styles.status : "visually-hidden"}>
        {status}
      </div>
    </div>
  );
}
