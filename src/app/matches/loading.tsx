import { getMessages } from "@/i18n/server";

export default async function Loading() {
  const { m } = await getMessages();
  return <p className="muted" role="status">{m.common.actions.loading}</p>;
}
