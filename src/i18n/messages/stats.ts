import { bilingual } from "../bilingual";

export const stats = bilingual(
  {
    title: "Kompetansetrender",
    lead: "Anonym statistikk over søk, profiler og bruk. Tall vises bare når minst {k} personer står bak, så ingen kan pekes ut.",
    updated: "Tall til og med {day}",
    filters: { legend: "Filter", period: "Periode", type: "Type", apply: "Vis", days: "{n} dager", skill: "Ferdigheter", role: "Roller" },
    csv: "Last ned CSV",
    sections: {
      topSearched: "Mest søkte",
      rising: "Stigende",
      risingHint: "Vekst mot forrige periode av samme lengde. Bare med minst {n} søk i begge perioder.",
      topAdded: "Mest lagt til i profiler",
      topTerms: "Vanligste søkeord",
      logins: "Innlogginger per dag (antall personer)",
      pageViews: "Sidevisninger per dag",
      routes: "Sidevisninger per side",
    },
    table: { showData: "Vis tallene som tabell", name: "Navn", count: "Antall", day: "Dag", previous: "Forrige periode", growth: "Vekst", suppressed: "skjult (under {k})" },
    empty: {
      title: "Ingen tall å vise ennå",
      body: "Ingen celle har minst {k} personer bak seg i denne perioden. Prøv en lengre periode, eller vent til flere bruker tjenesten.",
      section: "Ingen tall over terskelen.",
    },
  },
  {
    title: "Skill trends",
    lead: "Anonymous statistics on searches, profiles and usage. A number is shown only when at least {k} people stand behind it, so no one can be singled out.",
    updated: "Figures up to and including {day}",
    filters: { legend: "Filter", period: "Period", type: "Type", apply: "Show", days: "{n} days", skill: "Skills", role: "Roles" },
    csv: "Download CSV",
    sections: {
      topSearched: "Most searched",
      rising: "Rising",
      risingHint: "Growth against the previous period of the same length. Only with at least {n} searches in both periods.",
      topAdded: "Most added to profiles",
      topTerms: "Most common search terms",
      logins: "Logins per day (people)",
      pageViews: "Page views per day",
      routes: "Page views per page",
    },
    table: { showData: "Show the figures as a table", name: "Name", count: "Count", day: "Day", previous: "Previous period", growth: "Growth", suppressed: "hidden (below {k})" },
    empty: {
      title: "No figures to show yet",
      body: "No cell has at least {k} people behind it in this period. Try a longer period, or wait until more people use the service.",
      section: "No figures above the threshold.",
    },
  },
);
