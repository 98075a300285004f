import type { ReactNode } from "react";
import { requireAdmin } from "@/server/context";

/**
 * Checked here, above every admin page's loading state, so anyone else gets a real 404 status
 * before streaming starts. Each page and route still checks again in its data layer.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireAdmin();
  return children;
}
