// Zod schemas for every profile form. Messages are error codes (see profileErrorCodes); the page
// shows them in the user's language. No `server-only`: forms reuse the limits on the client.
import { z } from "zod";

export const limits = {
  name: 120,
  email: 254,
  addressLine: 200,
  postalCode: 16,
  city: 100,
  country: 100,
  customLabel: 100,
  title: 150,
  organisation: 150,
  description: 4000,
  institution: 150,
  qualification: 150,
  educationLevel: 60,
  field: 120,
  skillsPerExperience: 50,
} as const;

/** Every code a profile field or form can fail with; each has an nb and en text in messages/profile.ts. */
export const profileErrorCodes = [
  "required",
  "too_long",
  "invalid_email",
  "invalid_phone",
  "invalid_date",
  "date_too_far_ahead",
  "end_before_start",
  "invalid_level",
  "invalid_language",
  "invalid_id",
  "unknown_skill_concept",
  "unknown_role_concept",
  "unknown_user_skill",
  "duplicate_skill",
  "duplicate_role",
  "not_found",
  "not_image",
  "file_too_large",
  "file_missing",
] as const;
export type ProfileErrorCode = (typeof profileErrorCodes)[number];

/** Postgres text cannot hold NUL (U+0000); it is never meaningful in a form, so it is dropped, not a 500. */
export const withoutNul = (s: string) => s.replaceAll("\u0000", "");

/** A trimmed string; empty means "not given" (null). */
const optionalText = (max: number) =>
  z
    .string({ error: "required" })
    .overwrite(withoutNul)
    .trim()
    .max(max, { error: "too_long" })
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null);

const requiredText = (max: number) => z.string({ error: "required" }).overwrite(withoutNul).trim().min(1, { error: "required" }).max(max, { error: "too_long" });

const id = z.uuid({ error: "invalid_id" });

/**
 * Phone numbers are stored as E.164. Norwegian numbers may be typed with or without +47 / 0047
 * ("912 34 567" -> "+4791234567"); other countries need their + prefix.
 */
export function normalizePhone(input: string): string | null {
  const compact = input.replace(/[\s().-]/g, "");
  if (compact === "") return null;
  const plus = compact.startsWith("00") ? `+${compact.slice(2)}` : compact;
  if (/^\d{8}$/.test(plus)) return `+47${plus}`;
  // "47 912 34 567": the country code without its plus.
  if (/^47\d{8}$/.test(plus)) return `+${plus}`;
  if (!/^\+[1-9]\d{6,14}$/.test(plus)) return null;
  if (plus.startsWith("+47") && !/^\+47\d{8}$/.test(plus)) return null;
  return plus;
}

const phone = z
  .string()
  .trim()
  .max(40, { error: "too_long" })
  .transform((value, ctx) => {
    if (value === "") return null;
    const normalized = normalizePhone(value);
    if (!normalized) {
      ctx.addIssue({ code: "custom", message: "invalid_phone" });
      return z.NEVER;
    }
    return normalized;
  })
  .nullable()
  .optional()
  .transform((v) => v ?? null);

const email = z
  .string()
  .trim()
  .max(limits.email, { error: "too_long" })
  .transform((v) => v.toLowerCase())
  .pipe(z.union([z.literal(""), z.email({ error: "invalid_email" })], { error: "invalid_email" }))
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .optional()
  .transform((v) => v ?? null);

export const contactInput = z.object({
  fullName: optionalText(limits.name),
  email,
  addressLine: optionalText(limits.addressLine),
  postalCode: optionalText(limits.postalCode),
  city: optionalText(limits.city),
  country: optionalText(limits.country),
  phone,
  preferredLanguage: z
    .union([z.enum(["nb", "en"], { error: "invalid_language" }), z.literal("")], { error: "invalid_language" })
    .nullable()
    .optional()
    .transform((v) => (v ? v : null)),
});
export type ContactInput = z.infer<typeof contactInput>;

const level = z
  .union([z.number({ error: "invalid_level" }).int({ error: "invalid_level" }).min(1, { error: "invalid_level" }).max(5, { error: "invalid_level" }), z.null()], {
    error: "invalid_level",
  })
  .optional()
  .transform((v) => v ?? null);

/** A taxonomy concept or a custom label: exactly one of the two. */
const conceptOrCustom = {
  conceptId: id.optional(),
  customLabel: z.string().overwrite(withoutNul).trim().max(limits.customLabel, { error: "too_long" }).optional(),
};

function exactlyOne(v: { conceptId?: string; customLabel?: string }, ctx: z.RefinementCtx) {
  if (Boolean(v.conceptId) === Boolean(v.customLabel)) ctx.addIssue({ code: "custom", path: ["customLabel"], message: "required" });
}

export const addSkillInput = z
  .object({ level, ...conceptOrCustom })
  .superRefine(exactlyOne)
  .transform((v) => ({ level: v.level, conceptId: v.conceptId ?? null, customLabel: v.conceptId ? null : (v.customLabel ?? null) }));
export type AddSkillInput = z.infer<typeof addSkillInput>;

export const updateSkillInput = z.object({ id, level });
export const removeInput = z.object({ id });

export const addRoleInput = z
  .object({ kind: z.enum(["current", "target"], { error: "required" }), ...conceptOrCustom })
  .superRefine(exactlyOne)
  .transform((v) => ({ kind: v.kind, conceptId: v.conceptId ?? null, customLabel: v.conceptId ? null : (v.customLabel ?? null) }));
export type AddRoleInput = z.infer<typeof addRoleInput>;

/** The latest accepted date: a year from today (plans a little ahead are fine, typos like 2205 are not). */
export function latestAllowedDate(now = new Date()): string {
  const d = new Date(Date.UTC(now.getUTCFullYear() + 1, now.getUTCMonth(), now.getUTCDate()));
  return d.toISOString().slice(0, 10);
}

function isRealDate(value: string): boolean {
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value && value >= "1900-01-01";
}

/** "YYYY-MM-DD", or "YYYY-MM" meaning the first of the month. */
const dateString = z
  .string({ error: "required" })
  .trim()
  .transform((v) => (/^\d{4}-\d{2}$/.test(v) ? `${v}-01` : v))
  .superRefine((v, ctx) => {
    if (v === "") return;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || !isRealDate(v)) ctx.addIssue({ code: "custom", message: "invalid_date" });
    else if (v > latestAllowedDate()) ctx.addIssue({ code: "custom", message: "date_too_far_ahead" });
  });

const requiredDate = dateString.refine((v) => v !== "", { error: "required" });
const optionalDate = dateString.nullable().optional().transform((v) => (v ? v : null));

function endNotBeforeStart<T extends { startDate: string; endDate: string | null }>(v: T, ctx: z.RefinementCtx) {
  if (v.endDate && v.startDate && v.endDate < v.startDate) ctx.addIssue({ code: "custom", path: ["endDate"], message: "end_before_start" });
}

const experienceFields = z.object({
  title: requiredText(limits.title),
  organisation: requiredText(limits.organisation),
  startDate: requiredDate,
  /** Null or empty while the position is ongoing. */
  endDate: optionalDate,
  description: optionalText(limits.description),
  roleConceptId: z
    .union([id, z.literal("")])
    .nullable()
    .optional()
    .transform((v) => (v ? v : null)),
  userSkillIds: z
    .array(id)
    .max(limits.skillsPerExperience, { error: "too_long" })
    .optional()
    .transform((v) => [...new Set(v ?? [])]),
});

export const experienceInput = experienceFields.superRefine(endNotBeforeStart);
export type ExperienceInput = z.infer<typeof experienceInput>;
export const updateExperienceInput = experienceFields.extend({ id }).superRefine(endNotBeforeStart);

const educationFields = z.object({
  institution: requiredText(limits.institution),
  qualification: requiredText(limits.qualification),
  level: optionalText(limits.educationLevel),
  field: optionalText(limits.field),
  startDate: requiredDate,
  endDate: optionalDate,
});

export const educationInput = educationFields.superRefine(endNotBeforeStart);
export type EducationInput = z.infer<typeof educationInput>;
export const updateEducationInput = educationFields.extend({ id }).superRefine(endNotBeforeStart);

export const MAX_AVATAR_BYTES = 4 * 1024 * 1024;
