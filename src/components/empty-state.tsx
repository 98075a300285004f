import Link from "next/link";
import type { ReactNode } from "react";

export function EmptyState(props: { title: string; body?: ReactNode; action?: { href: string; label: string } }) {
  return (
    <div className="empty-state">
      <h2>{props.title}</h2>
      {props.body ? <p className="muted">{props.body}</p> : null}
      {props.action ? <Link className="btn primary" href={props.action.href}>{props.action.label}</Link> : null}
    </div>
  );
}
