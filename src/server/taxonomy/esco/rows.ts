import "server-only";
import { z } from "zod";

// Row shapes of the official ESCO CSV download (v1.2). Only the columns Evne uses are checked; the
// others pass through unread. Empty cells arrive as "" and mean "not given".

const uri = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9+.-]*:\S+$/i, "not a concept URI");
const text = z.string().optional().default("");
const label = z.string().trim().min(1, "empty label");

export const skillRow = z.object({
  conceptUri: uri,
  skillType: text,
  preferredLabel: label,
  altLabels: text,
  hiddenLabels: text,
  description: text,
});
export const skillColumns = ["conceptUri", "preferredLabel"] as const;

export const occupationRow = z
  .object({
    conceptUri: uri,
    iscoGroup: z
      .string()
      .trim()
      .regex(/^(\d{1,4})?$/, "ISCO group must be up to four digits")
      .optional()
      .default(""),
    preferredLabel: label,
    altLabels: text,
    hiddenLabels: text,
    description: text,
    code: text,
  })
  .refine((row) => row.iscoGroup !== "" || /^\d{1,4}/.test(row.code), { message: "neither iscoGroup nor code gives an ISCO code", path: ["iscoGroup"] });
export const occupationColumns = ["conceptUri", "preferredLabel", "iscoGroup"] as const;

export const relationRow = z.object({
  occupationUri: uri,
  relationType: z.enum(["essential", "optional"]),
  skillUri: uri,
});
export const relationColumns = ["occupationUri", "relationType", "skillUri"] as const;

export const skillRelationRow = z.object({
  originalSkillUri: uri,
  relationType: z.enum(["essential", "optional"]),
  relatedSkillUri: uri,
});
export const skillRelationColumns = ["originalSkillUri", "relationType", "relatedSkillUri"] as const;

export const iscoGroupRow = z.object({ code: z.string().trim().regex(/^\d{1,4}$/, "ISCO code must be up to four digits") });
export const iscoGroupColumns = ["code"] as const;

/** altLabels / hiddenLabels hold one label per line inside one quoted cell. */
export function splitLabels(cell: string): string[] {
  return cell
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}
