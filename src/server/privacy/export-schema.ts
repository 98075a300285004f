import "server-only";
import { z } from "zod";

/**
 * The personal-data export, version 1. Validated before it is sent, and published as JSON Schema at
 * /api/schemas/export-v1.json. Add fields freely; renaming or removing one needs schemaVersion 2.
 */
const isoDateTime = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();
const nullable = <T extends z.ZodType>(t: T) => t.nullable();

const conceptRef = { conceptId: nullable(z.uuid()), conceptUri: nullable(z.string()), label: nullable(z.string()) };

export const exportV1 = z
  .object({
    schemaVersion: z.literal(1),
    generatedAt: isoDateTime,
    account: z.object({
      id: z.uuid(),
      email: z.string(),
      displayName: z.string(),
      role: z.enum(["user", "admin"]),
      locale: z.enum(["nb", "en"]),
      clerkId: nullable(z.string()),
      createdAt: isoDateTime,
      updatedAt: isoDateTime,
    }),
    processing: z.object({
      restricted: z.boolean(),
      restrictedAt: nullable(isoDateTime),
      objected: z.boolean(),
      objectedAt: nullable(isoDateTime),
    }),
    profile: nullable(
      z.object({
        fullName: nullable(z.string()),
        email: nullable(z.string()),
        addressLine: nullable(z.string()),
        postalCode: nullable(z.string()),
        city: nullable(z.string()),
        country: nullable(z.string()),
        phone: nullable(z.string()),
        preferredLanguage: nullable(z.enum(["nb", "en"])),
        avatarKey: nullable(z.string()),
        avatarStorage: nullable(z.enum(["disk", "uploadthing"])),
        updatedAt: isoDateTime,
      }),
    ),
    avatarUrl: nullable(z.string()),
    skills: z.array(z.object({ id: z.uuid(), ...conceptRef, customLabel: nullable(z.string()), level: nullable(z.number().int()), createdAt: isoDateTime })),
    roles: z.array(z.object({ id: z.uuid(), kind: z.enum(["current", "target"]), ...conceptRef, customLabel: nullable(z.string()), createdAt: isoDateTime })),
    experiences: z.array(
      z.object({
        id: z.uuid(),
        title: z.string(),
        organisation: z.string(),
        startDate: isoDate,
        endDate: nullable(isoDate),
        description: nullable(z.string()),
        roleConceptId: nullable(z.uuid()),
        skillsUsed: z.array(z.object({ userSkillId: z.uuid(), label: nullable(z.string()) })),
        createdAt: isoDateTime,
      }),
    ),
    educations: z.array(
      z.object({
        id: z.uuid(),
        institution: z.string(),
        qualification: z.string(),
        level: nullable(z.string()),
        field: nullable(z.string()),
        startDate: isoDate,
        endDate: nullable(isoDate),
        createdAt: isoDateTime,
      }),
    ),
    consents: z.array(
      z.object({ purpose: z.enum(["marketing_email", "newsletter", "analytics"]), granted: z.boolean(), occurredAt: isoDateTime, policyVersion: z.string(), source: z.string() }),
    ),
    loginEvents: z.array(z.object({ occurredAt: isoDateTime, method: z.enum(["local", "clerk"]) })),
    pageViews: z.array(z.object({ day: isoDate, route: z.string(), count: z.number().int() })),
    policyAcknowledgements: z.array(z.object({ version: z.string(), acknowledgedAt: isoDateTime })),
    dismissedSuggestions: z.array(z.object({ ...conceptRef, dismissedAt: isoDateTime })),
    mailOutbox: z.array(
      z.object({ template: z.string(), toAddress: z.string(), payload: z.record(z.string(), z.unknown()), createdAt: isoDateTime, sentAt: nullable(isoDateTime) }),
    ),
    searchHistory: z.array(
      z.object({ occurredAt: isoDateTime, query: z.string(), searchType: z.enum(["skill", "role"]), resolvedConceptId: nullable(z.uuid()), keyId: z.string() }),
    ),
    profileEvents: z.array(z.object({ occurredAt: isoDateTime, kind: z.string(), conceptId: nullable(z.uuid()), keyId: z.string() })),
  })
  .strict();

export type ExportV1 = z.infer<typeof exportV1>;

export const exportSchemaId = "/api/schemas/export-v1.json";

/** JSON Schema (draft 2020-12) for consumers of the export; generated, so it cannot drift. */
export function exportJsonSchema(): Record<string, unknown> {
  return {
    $id: exportSchemaId,
    title: "Evne personal data export, version 1",
    ...z.toJSONSchema(exportV1, { target: "draft-2020-12", io: "output" }),
  };
}
