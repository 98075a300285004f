"use client";
import { usePathname } from "next/navigation";
import { useEffect } from "react";
import { countPageView } from "@/server/activity/actions";

/** Counts each client-side page change for signed-in users (rendered only for them). */
export function PageViewCounter() {
  const pathname = usePathname();
  useEffect(() => {
    void countPageView({ pathname });
  }, [pathname]);
  return null;
}
