import { bilingual } from "../bilingual";

/** The privacy policy. Each promise here is backed by code and a test; change both together. */
export const policy = bilingual(
  {
    title: "Personvernerklæring",
    versionLine: "Versjon {version}, gjelder fra {date}",
    intro: "Evne hjelper deg å bygge en kompetanseprofil og finne roller som passer. Her står hva vi lagrer, hvorfor, og hvilke rettigheter du har.",
    sections: {
      data: { title: "Hva vi lagrer", body: "Kontaktopplysninger, ferdigheter med nivå, roller og mål, erfaring, utdanning og profilbilde – det du selv legger inn. Hvert søk logges med tidspunkt, søketekst, søketype og et pseudonym (en nøkkelbasert kode som alene ikke identifiserer deg)." },
      purpose: { title: "Hvorfor", body: "For å vise profilen din, foreslå roller og hva du kan lære, og lage anonymisert statistikk over kompetansetrender. Statistikken knyttes aldri til enkeltpersoner: et tall vises bare når nok ulike personer står bak det." },
      ai: { title: "KI", body: "Vi bruker KI til å sammenligne ferdigheter med roller. Dataene dine brukes aldri til å trene KI-modeller. Til tredjeparts KI (OpenAI) sendes bare: navn på ferdigheter og roller fra taksonomien, søketeksten din, ferdighetsnavn du selv har skrevet inn, og tekst du limer inn for å finne ferdigheter. Før noe sendes, bytter vi ut e-postadresser, telefonnumre og navnet ditt med plassholdere. Id-en din sendes aldri." },
      storage: { title: "Lagring", body: "Data lagres i EU. Rådata fra søkeloggen, profilhendelser og sidevisninger slettes etter {days, plural, one {# dag} other {# dager}}; innlogginger etter 180 dager; sendte e-poster etter 90 dager; fullførte slettejobber etter 30 dager; en slettet kontos kode (så kontoen ikke gjenopprettes) etter 30 dager. Statistikk lagres bare for grupper med nok ulike personer bak og beholdes." },
      cookies: { title: "Informasjonskapsler", body: "Nødvendige informasjonskapsler holder deg innlogget og husker språk. Analyse og markedsføring skjer bare med samtykke, som du kan trekke tilbake når som helst." },
      rights: { title: "Dine rettigheter", body: "Du kan når som helst eksportere alle dataene dine som JSON, rette dem, begrense behandlingen, protestere mot bruk i statistikk, trekke tilbake samtykker og slette kontoen med alt innhold – under Personvern når du er innlogget." },
      changes: { title: "Endringer", body: "Vesentlige endringer varsles minst 14 hele dager (norsk tid) før de trer i kraft, i tjenesten og på e-post." },
      contact: { title: "Kontakt", body: "Spørsmål om personvern: personvern@evne.no. Du kan også klage til Datatilsynet." },
    },
  },
  {
    title: "Privacy policy",
    versionLine: "Version {version}, effective {date}",
    intro: "Evne helps you build a skills profile and find roles that fit. This page says what we store, why, and which rights you have.",
    sections: {
      data: { title: "What we store", body: "Contact details, skills with level, roles and goals, experience, education and avatar – what you enter yourself. Each search is logged with time, query, search type and a pseudonym (a keyed code that alone identifies no one)." },
      purpose: { title: "Why", body: "To show your profile, suggest roles and what to learn next, and produce anonymised statistics on skill trends. Statistics are never tied to individuals: a number is shown only when enough different people stand behind it." },
      ai: { title: "AI", body: "We use AI to compare skills with roles. Your data is never used to train AI models. Only this is sent to a third-party AI (OpenAI): skill and role names from the taxonomy, your search text, skill names you typed yourself, and text you paste to find skills. Before anything is sent we replace e-mail addresses, phone numbers and your name with placeholders. Your id is never sent." },
      storage: { title: "Storage", body: "Data is stored in the EU. Raw search-log rows, profile events and page views are deleted after {days, plural, one {# day} other {# days}}; sign-ins after 180 days; sent e-mails after 90 days; finished deletion jobs after 30 days; a deleted account's code (which keeps it from coming back) after 30 days. Statistics are stored only for groups with enough different people behind them and are kept." },
      cookies: { title: "Cookies", body: "Necessary cookies keep you signed in and remember your language. Analytics and marketing happen only with consent, which you can withdraw at any time." },
      rights: { title: "Your rights", body: "At any time you can export all your data as JSON, correct it, restrict processing, object to use in statistics, withdraw consents and delete your account with everything in it – under Privacy when signed in." },
      changes: { title: "Changes", body: "Material changes are announced at least 14 full days (Norwegian time) before they take effect, in the service and by e-mail." },
      contact: { title: "Contact", body: "Privacy questions: personvern@evne.no. You may also complain to the Norwegian Data Protection Authority (Datatilsynet)." },
    },
  },
);

export const currentPolicy = { version: "1.0", effectiveDate: "2026-11-01" } as const;
