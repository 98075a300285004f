import { bilingual } from "../bilingual";

export const common = bilingual(
  {
    appName: "Evne",
    tagline: "Vis hva du kan. Finn rollene som passer.",
    nav: { profile: "Profil", search: "Søk", matches: "Treff", admin: "Admin", adminPolicy: "Erklæringer", settings: "Personvern", main: "Hovedmeny" },
    auth: { signIn: "Logg inn", signOut: "Logg ut", signedInAs: "Innlogget som {name}" },
    language: { label: "Språk", nb: "Norsk", en: "English" },
    footer: { privacy: "Personvernerklæring", cookies: "Informasjonskapsler", esco: "Tjenesten bruker ESCO-klassifiseringen fra EU-kommisjonen." },
    errors: {
      generic: "Noe gikk galt. Prøv igjen om litt.",
      notFound: "Siden finnes ikke.",
      invalidInput: "Noe av det du fylte inn er ikke gyldig. Se feltene under.",
      unauthorized: "Du må logge inn først.",
      rateLimited: "For mange forespørsler. Vent litt og prøv igjen.",
    },
    actions: { save: "Lagre", saving: "Lagrer …", cancel: "Avbryt", remove: "Fjern", edit: "Rediger", add: "Legg til", close: "Lukk", loading: "Laster …" },
    home: {
      title: "Kompetanseprofilen som jobber for deg",
      lead: "Bygg en profil over hva du kan, søk i ferdigheter og roller, og se hvilke roller som passer – med forklaring.",
      cta: "Kom i gang",
      ctaSignedIn: "Gå til profilen din",
      privacyPromise: "Personvern først: data lagres i EU, brukes aldri til å trene KI-modeller, og statistikk peker aldri ut enkeltpersoner.",
    },
    empty: { comingSoon: "Her er det ingenting ennå." },
    notFound: { title: "Fant ikke siden", back: "Til forsiden" },
  },
  {
    appName: "Evne",
    tagline: "Show what you can do. Find the roles that fit.",
    nav: { profile: "Profile", search: "Search", matches: "Matches", admin: "Admin", adminPolicy: "Policies", settings: "Privacy", main: "Main menu" },
    auth: { signIn: "Sign in", signOut: "Sign out", signedInAs: "Signed in as {name}" },
    language: { label: "Language", nb: "Norsk", en: "English" },
    footer: { privacy: "Privacy policy", cookies: "Cookies", esco: "This service uses the ESCO classification of the European Commission." },
    errors: {
      generic: "Something went wrong. Please try again in a moment.",
      notFound: "This page does not exist.",
      invalidInput: "Some of what you entered is not valid. See the fields below.",
      unauthorized: "Please sign in first.",
      rateLimited: "Too many requests. Wait a moment and try again.",
    },
    actions: { save: "Save", saving: "Saving …", cancel: "Cancel", remove: "Remove", edit: "Edit", add: "Add", close: "Close", loading: "Loading …" },
    home: {
      title: "The skills profile that works for you",
      lead: "Build a profile of what you can do, search skills and roles, and see which roles fit – with reasons.",
      cta: "Get started",
      ctaSignedIn: "Go to your profile",
      privacyPromise: "Privacy first: data is stored in the EU, never used to train AI models, and statistics never single anyone out.",
    },
    empty: { comingSoon: "Nothing here yet." },
    notFound: { title: "Page not found", back: "Back to the front page" },
  },
);
