import { bilingual } from "../bilingual";

export const auth = bilingual(
  {
    title: "Logg inn",
    lead: "Lokal innlogging for utvikling og selvhosting. Skriv inn e-post og navnet du vil vises med.",
    email: "E-post",
    displayName: "Visningsnavn",
    submit: "Logg inn",
    demoHint: "Demobrukere: kari@evne.local, ola@evne.local, admin@evne.local (admin).",
    errors: { email: "Skriv inn en gyldig e-postadresse.", displayName: "Skriv inn et navn (1–80 tegn)." },
  },
  {
    title: "Sign in",
    lead: "Local sign-in for development and self-hosting. Enter your e-mail and the name you want to show.",
    email: "E-mail",
    displayName: "Display name",
    submit: "Sign in",
    demoHint: "Demo users: kari@evne.local, ola@evne.local, admin@evne.local (admin).",
    errors: { email: "Enter a valid e-mail address.", displayName: "Enter a name (1–80 characters)." },
  },
);
