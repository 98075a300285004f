import Link from "next/link";
import { getMessages } from "@/i18n/server";

export default async function NotFound() {
  const { m } = await getMessages();
  return (
    <section className="narrow card">
      <h1>{m.common.notFound.title}</h1>
      <p className="muted">{m.common.errors.notFound}</p>
      <Link className="btn" href="/">{m.common.notFound.back}</Link>
    </section>
  );
}
