import "server-only";
import { z } from "zod";
import { osloDate } from "@/server/privacy/oslo-time";
import type { MailMessage } from "./types";

const policyChanged = z.object({
  version: z.string(),
  effectiveAt: z.string(),
  material: z.boolean(),
  summary: z.object({ nb: z.string(), en: z.string() }),
  locale: z.enum(["nb", "en"]).catch("nb"),
});

/** Turns an outbox row into a message; unknown templates or bad payloads throw (the row keeps its error). */
export function renderMail(row: { toAddress: string; template: string; payload: unknown }): MailMessage {
  if (row.template !== "policy_changed") throw new Error(`unknown mail template ${row.template}`);
  const p = policyChanged.parse(row.payload);
  const date = osloDate(new Date(p.effectiveAt));
  if (p.locale === "en") {
    return {
      to: row.toAddress,
      subject: `Evne privacy policy version ${p.version}`,
      text: `Our privacy policy changes${p.material ? " materially" : ""} on ${date} (version ${p.version}).\n\n${p.summary.en}\n\nRead the full policy at /privacy. Your privacy settings are under Settings → Privacy.`,
    };
  }
  return {
    to: row.toAddress,
    subject: `Evnes personvernerklæring versjon ${p.version}`,
    text: `Personvernerklæringen vår endres${p.material ? " vesentlig" : ""} fra ${date} (versjon ${p.version}).\n\n${p.summary.nb}\n\nLes hele erklæringen på /privacy. Personverninnstillingene dine finner du under Innstillinger → Personvern.`,
  };
}
