import type { ProfileView } from "@/server/profile/queries";

export type ProfileStep = "contact" | "skills" | "roles" | "experience" | "education";

/** How complete a profile is (share of the five sections started) and which section to fill next. */
export function completeness(view: ProfileView): { percent: number; next: ProfileStep | null } {
  const steps: [ProfileStep, boolean][] = [
    ["contact", Boolean(view.contact.fullName && (view.contact.email || view.contact.phone))],
    ["skills", view.skills.length > 0],
    ["roles", view.roles.some((r) => r.kind === "target")],
    ["experience", view.experiences.length > 0],
    ["education", view.educations.length > 0],
  ];
  const done = steps.filter(([, ok]) => ok).length;
  return { percent: Math.round((done / steps.length) * 100), next: steps.find(([, ok]) => !ok)?.[0] ?? null };
}
