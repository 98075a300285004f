import { isValidElement } from "react";

/**
 * Runs what streaming would run after a page's shell: the async server components in the tree a page
 * returned, and the promises it hands to client components. Sync (client) components are not called.
 */
export async function settleServerTree(node: unknown): Promise<void> {
  if (node instanceof Promise) return settleServerTree(await node);
  if (Array.isArray(node)) {
    for (const child of node) await settleServerTree(child);
    return;
  }
  if (!isValidElement(node)) return;
  const { type, props } = node as { type: unknown; props: Record<string, unknown> };
  if (typeof type === "function" && type.constructor.name === "AsyncFunction") {
    await settleServerTree(await (type as (p: unknown) => Promise<unknown>)(props));
  }
  for (const value of Object.values(props)) await settleServerTree(value);
}
