import Link from "next/link";
import { getMessages } from "@/i18n/server";

export const dynamic = "force-dynamic";

export default async function TooManyRequests() {
  const { m } = await getMessages();
  return (
    <section className="narrow card">
      <h1>{m.common.errors.rateLimited}</h1>
      <Link className="btn" href="/">{m.common.notFound.back}</Link>
    </section>
  );
}
