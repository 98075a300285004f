"use client";
import { useCombobox } from "downshift";
import { useId, useState } from "react";
import { useMessages } from "@/i18n/client";
import { MAX_QUERY_LENGTH, reportSearchChoice, useConceptSearch, type ConceptHit } from "./concept-autocomplete-search";
import styles from "./concept-autocomplete.module.css";

export type { ConceptHit } from "./concept-autocomplete-search";
export type ConceptChoice = { conceptId: string; label: string } | { customLabel: string };

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
  /** A new value empties the box (e.g. once a choice was saved), keeping focus where it is. */
  resetKey?: string | number;
};

type Option = { key: string; choice: ConceptChoice; hit?: ConceptHit };

/**
 * A WAI-ARIA combobox over taxonomy concepts (downshift's useCombobox: arrow keys, Home/End,
 * PageUp/PageDown, Enter, Escape; the active option scrolled into view). Focus stays in the box
 * after a choice, so the next word can be typed at once.
 */
export function ConceptAutocomplete(props: Props) {
  const { m, format } = useMessages();
  const id = useId();
  const hintId = `${id}-hint`;
  const [text, setText] = useState("");
  const [wantsOpen, setWantsOpen] = useState(false);
  const [chosenId, setChosenId] = useState("");
  const inputId = `${id}-input`;
  const [resetKey, setResetKey] = useState(props.resetKey);
  if (props.resetKey !== resetKey) {
    setResetKey(props.resetKey);
    setText("");
    setChosenId("");
  }
  const search = useConceptSearch(text, props.kind);
  const trimmed = text.trim();

  const options: Option[] = search.results.map((hit) => ({ key: hit.conceptId, hit, choice: { conceptId: hit.conceptId, label: hit.label } }));
  // A label or synonym that equals the text is the concept itself: nothing to add as one's own.
  const exact = search.results.some((r) => r.exact);
  if (props.allowCustom && trimmed.length > 0 && trimmed.length <= MAX_QUERY_LENGTH && !exact && search.status !== "loading") {
    options.push({ key: "__custom", choice: { customLabel: trimmed } });
  }
  // aria-expanded tells the truth: the list counts as open only when it shows options.
  const isOpen = wantsOpen && trimmed.length > 0 && options.length > 0;

  function choose(option: Option) {
    const choice = option.choice;
    if ("conceptId" in choice) reportSearchChoice({ q: trimmed, type: props.kind, conceptId: choice.conceptId });
    props.onSelect(choice);
    setChosenId("conceptId" in choice ? choice.conceptId : "");
    setText(props.clearOnSelect ? "" : "conceptId" in choice ? choice.label : choice.customLabel);
    setWantsOpen(false);
    document.getElementById(inputId)?.focus();
  }

  const combobox = useCombobox<Option>({
    id,
    inputId,
    items: options,
    itemToString: (o) => (o ? ("conceptId" in o.choice ? o.choice.label : o.choice.customLabel) : ""),
    itemToKey: (o) => o?.key ?? null,
    inputValue: text,
    isOpen,
    selectedItem: null,
    // Only typing and Escape on a closed list (which empties the box) change the text here; a
    // choice sets it in `choose`.
    onInputValueChange: ({ inputValue, type }) => {
      if (type !== useCombobox.stateChangeTypes.InputChange && type !== useCombobox.stateChangeTypes.InputKeyDownEscape) return;
      setText(inputValue);
      setChosenId("");
      setWantsOpen(type === useCombobox.stateChangeTypes.InputChange);
    },
    onIsOpenChange: ({ isOpen: open }) => setWantsOpen(Boolean(open)),
    // Leaving the box never chooses for the person: only Enter or a click does.
    stateReducer: (state, { type, changes }) =>
      type === useCombobox.stateChangeTypes.InputBlur ? { ...changes, selectedItem: state.selectedItem, inputValue: state.inputValue } : changes,
    onSelectedItemChange: ({ selectedItem }) => {
      if (selectedItem) choose(selectedItem);
    },
  });

  let status = "";
  if (wantsOpen && trimmed && search.status === "loading") status = m.search.loading;
  else if (wantsOpen && trimmed && search.status === "error") status = m.search.errors[search.error ?? "failed"];
  else if (wantsOpen && trimmed && search.status === "done") {
    status = search.results.length === 0 ? format(m.search.noResults, { q: trimmed }) : format(m.search.resultCount, { count: search.results.length });
  }

  return (
    <div className={styles.wrapper}>
      <label className={styles.label} {...combobox.getLabelProps()}>{props.label}</label>
      <div className={styles.anchor}>
        <input
          className="input"
          type="text"
          name={props.name}
          spellCheck={false}
          maxLength={MAX_QUERY_LENGTH}
          placeholder={props.placeholder}
          {...combobox.getInputProps({
            "aria-describedby": hintId,
            onFocus: () => setWantsOpen(true),
            onKeyDown: (event) => {
              // A closed list with nothing to clear: let Escape reach the page (e.g. a dialog).
              if (event.key === "Escape" && !isOpen && !text) (event.nativeEvent as Event & { preventDownshiftDefault?: boolean }).preventDownshiftDefault = true;
            },
          })}
        />
        {props.name ? <input type="hidden" name={`${props.name}ConceptId`} value={chosenId} /> : null}
        <span id={hintId} className="visually-hidden">{m.search.hintKeys}</span>
        <ul className={styles.listbox} aria-label={m.search.optionsLabel} hidden={!isOpen} {...combobox.getMenuProps()}>
          {isOpen
            ? options.map((option, index) => (
                <li
                  key={option.key}
                  className={index === combobox.highlightedIndex ? `${styles.option} ${styles.active}` : styles.option}
                  {...combobox.getItemProps({ item: option, index })}
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
              ))
            : null}
        </ul>
      </div>
      <div role="status" aria-live="polite" className={status ? styles.status : "visually-hidden"}>
        {status}
      </div>
    </div>
  );
}
