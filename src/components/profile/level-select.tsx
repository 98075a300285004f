"use client";
import { useMessages } from "@/i18n/client";

/** Level 1-5 or "not set". */
export function LevelSelect(props: {
  id?: string;
  value: number | null;
  onChange: (level: number | null) => void;
  label?: string;
  disabled?: boolean;
  className?: string;
}) {
  const { m } = useMessages();
  const t = m.profile.skills;
  const labels = [t.levels.l1, t.levels.l2, t.levels.l3, t.levels.l4, t.levels.l5];
  return (
    <select
      id={props.id}
      className={props.className ?? "input"}
      aria-label={props.label}
      value={props.value ?? ""}
      disabled={props.disabled}
      onChange={(e) => props.onChange(e.target.value === "" ? null : Number(e.target.value))}
    >
      <option value="">{t.levelNone}</option>
      {labels.map((label, i) => (
        <option key={label} value={i + 1}>
          {label}
        </option>
      ))}
    </select>
  );
}
