// A made-up taxonomy of ESCO's shape and size for benchmarks (search, matching, import): the same
// seed always gives the same concepts, labels and links. Never imported into a real database.
import "server-only";
import type { RoleSkillLink, TaxonomyConcept } from "./upsert";
import { rng } from "@/server/seeded-random";

export type SyntheticOptions = { skills: number; roles: number; linksPerRole: number; seed: number };
export type SyntheticTaxonomy = { concepts: Iterable<TaxonomyConcept>; links: Iterable<RoleSkillLink>; skillUris: string[]; roleUris: string[] };

// [en, nb] pairs, so both languages read like words and translate each other.
const verbs: [string, string][] = [
  ["manage", "administrere"], ["operate", "betjene"], ["maintain", "vedlikeholde"], ["design", "utforme"],
  ["analyse", "analysere"], ["install", "installere"], ["inspect", "inspisere"], ["plan", "planlegge"],
  ["develop", "utvikle"], ["monitor", "overvåke"], ["repair", "reparere"], ["test", "teste"],
  ["document", "dokumentere"], ["coordinate", "koordinere"], ["evaluate", "evaluere"], ["prepare", "forberede"],
  ["calibrate", "kalibrere"], ["assemble", "montere"], ["configure", "konfigurere"], ["teach", "undervise i"],
  ["supervise", "føre tilsyn med"], ["negotiate", "forhandle om"], ["estimate", "anslå"], ["audit", "revidere"],
  ["optimise", "optimalisere"], ["clean", "rengjøre"], ["handle", "håndtere"], ["report on", "rapportere om"],
  ["advise on", "gi råd om"], ["apply", "anvende"], ["measure", "måle"], ["secure", "sikre"],
];
const qualifiers: [string, string][] = [
  ["industrial", "industriell"], ["digital", "digital"], ["medical", "medisinsk"], ["electrical", "elektrisk"],
  ["financial", "finansiell"], ["marine", "marin"], ["agricultural", "landbruks"], ["chemical", "kjemisk"],
  ["mechanical", "mekanisk"], ["hydraulic", "hydraulisk"], ["legal", "juridisk"], ["environmental", "miljø"],
  ["structural", "konstruksjons"], ["clinical", "klinisk"], ["logistic", "logistikk"], ["acoustic", "akustisk"],
  ["thermal", "termisk"], ["public", "offentlig"], ["commercial", "kommersiell"], ["textile", "tekstil"],
  ["culinary", "kulinarisk"], ["forensic", "rettsmedisinsk"], ["geological", "geologisk"], ["nautical", "nautisk"],
  ["pharmaceutical", "farmasøytisk"], ["statistical", "statistisk"], ["educational", "pedagogisk"], ["wooden", "tre"],
];
const nouns: [string, string][] = [
  ["equipment", "utstyr"], ["systems", "systemer"], ["processes", "prosesser"], ["records", "journaler"],
  ["budgets", "budsjetter"], ["networks", "nettverk"], ["machinery", "maskiner"], ["software", "programvare"],
  ["samples", "prøver"], ["materials", "materialer"], ["contracts", "kontrakter"], ["vessels", "fartøy"],
  ["pipelines", "rørledninger"], ["databases", "databaser"], ["installations", "anlegg"], ["instruments", "instrumenter"],
  ["components", "komponenter"], ["reports", "rapporter"], ["inventories", "lagerbeholdninger"], ["procedures", "prosedyrer"],
  ["circuits", "kretser"], ["structures", "konstruksjoner"], ["products", "produkter"], ["surfaces", "overflater"],
  ["vehicles", "kjøretøy"], ["documents", "dokumenter"], ["engines", "motorer"], ["sensors", "sensorer"],
  ["crops", "avlinger"], ["patients' data", "pasientdata"], ["safety routines", "sikkerhetsrutiner"], ["tools", "verktøy"],
  ["standards", "standarder"], ["accounts", "regnskap"], ["valves", "ventiler"], ["welds", "sveiser"],
  ["timber", "tømmer"], ["fabrics", "stoffer"], ["ingredients", "ingredienser"], ["campaigns", "kampanjer"],
];
const fields: [string, string][] = [
  ["welding", "sveise"], ["software", "programvare"], ["nursing", "sykepleie"], ["accounting", "regnskaps"],
  ["maintenance", "vedlikeholds"], ["logistics", "logistikk"], ["marketing", "markedsførings"], ["laboratory", "laboratorie"],
  ["construction", "bygg"], ["energy", "energi"], ["quality", "kvalitets"], ["network", "nettverks"],
  ["production", "produksjons"], ["sales", "salgs"], ["safety", "sikkerhets"], ["data", "data"],
  ["forestry", "skogbruks"], ["fisheries", "fiskeri"], ["aviation", "luftfarts"], ["railway", "jernbane"],
  ["hospitality", "reiselivs"], ["retail", "butikk"], ["insurance", "forsikrings"], ["media", "medie"],
];
const occupations: [string, string][] = [
  ["technician", "tekniker"], ["engineer", "ingeniør"], ["manager", "leder"], ["operator", "operatør"],
  ["specialist", "spesialist"], ["consultant", "konsulent"], ["inspector", "inspektør"], ["assistant", "assistent"],
  ["coordinator", "koordinator"], ["analyst", "analytiker"], ["supervisor", "arbeidsleder"], ["adviser", "rådgiver"],
  ["planner", "planlegger"], ["developer", "utvikler"], ["designer", "designer"], ["instructor", "instruktør"],
];
const seniority: [string, string][] = [
  ["", ""], ["senior", "senior"], ["junior", "junior"], ["chief", "sjef"], ["trainee", "lærling"], ["lead", "ledende"],
];
const skillTypes = ["skill/competence", "knowledge"];


function pick<T>(random: () => number, list: readonly T[]): T {
  const item = list[Math.floor(random() * list.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

const join = (...parts: string[]) => parts.filter(Boolean).join(" ");

/**
 * ESCO-sized by default ({ skills: 14000, roles: 3000, linksPerRole: 40 } gives ~100k labels and
 * 120k links). `concepts` and `links` can be iterated more than once and give the same items each time.
 */
export function syntheticTaxonomy(options: SyntheticOptions): SyntheticTaxonomy {
  const skillUris = Array.from({ length: options.skills }, (_, i) => `synthetic:skill/${i}`);
  const roleUris = Array.from({ length: options.roles }, (_, i) => `synthetic:role/${i}`);
  return {
    skillUris,
    roleUris,
    concepts: { [Symbol.iterator]: () => generateConcepts(options, skillUris, roleUris) },
    links: { [Symbol.iterator]: () => generateLinks(options, skillUris, roleUris) },
  };
}

function* generateConcepts(options: SyntheticOptions, skillUris: string[], roleUris: string[]): Generator<TaxonomyConcept> {
  const random = rng(options.seed);
  const used = new Set<string>();
  for (const uri of skillUris) {
    let en = "";
    let nb = "";
    // Retry until the English label is new; with more skills than combinations, number it.
    for (let attempt = 0; attempt < 20 && (!en || used.has(en)); attempt++) {
      const [v, q, n] = [pick(random, verbs), pick(random, qualifiers), pick(random, nouns)];
      const plain = random() < 0.3;
      en = plain ? join(v[0], n[0]) : join(v[0], q[0], n[0]);
      nb = plain ? join(v[1], n[1]) : join(v[1], q[1], n[1]);
    }
    if (used.has(en)) {
      en = `${en} ${used.size}`;
      nb = `${nb} ${used.size}`;
    }
    used.add(en);
    const labels: TaxonomyConcept["labels"] = [
      { lang: "en", labelKind: "preferred", label: en },
      { lang: "nb", labelKind: "preferred", label: nb },
    ];
    const alts = Math.floor(random() * 5);
    for (let i = 0; i < alts; i++) {
      const [v, q, n] = [pick(random, verbs), pick(random, qualifiers), pick(random, nouns)];
      labels.push({ lang: "en", labelKind: "alt", label: join(v[0], q[0], n[0]) });
      if (random() < 0.5) labels.push({ lang: "nb", labelKind: "alt", label: join(v[1], q[1], n[1]) });
    }
    if (random() < 0.2) labels.push({ lang: "en", labelKind: "hidden", label: en.replace(/ /g, "") });
    yield {
      uri,
      kind: "skill",
      skillType: pick(random, skillTypes),
      descriptions: { en: `The ability to ${en}.`, nb: `Evnen til å ${nb}.` },
      labels,
    };
  }
  for (const uri of roleUris) {
    const [s, f, o] = [pick(random, seniority), pick(random, fields), pick(random, occupations)];
    const en = join(s[0], f[0], o[0]);
    const nb = join(s[1], `${f[1]}${o[1]}`);
    const labels: TaxonomyConcept["labels"] = [
      { lang: "en", labelKind: "preferred", label: en },
      { lang: "nb", labelKind: "preferred", label: nb },
    ];
    const alts = 2 + Math.floor(random() * 7);
    for (let i = 0; i < alts; i++) {
      const [f2, o2] = [pick(random, fields), pick(random, occupations)];
      labels.push({ lang: "en", labelKind: "alt", label: join(f2[0], o2[0]) });
      if (random() < 0.4) labels.push({ lang: "nb", labelKind: "alt", label: `${f2[1]}${o2[1]}` });
    }
    yield {
      uri,
      kind: "role",
      iscoCode: String(1000 + Math.floor(random() * 9000)),
      descriptions: { en: `A ${en} works with ${f[0]}.`, nb: `En ${nb} jobber med ${f[1]}.` },
      labels,
    };
  }
}

function* generateLinks(options: SyntheticOptions, skillUris: string[], roleUris: string[]): Generator<RoleSkillLink> {
  const random = rng(options.seed ^ 0x5eed);
  const perRole = Math.min(options.linksPerRole, skillUris.length);
  for (const roleUri of roleUris) {
    const chosen = new Set<number>();
    // Squaring skews towards low indexes: a few skills are common to many roles, as in ESCO.
    while (chosen.size < perRole) chosen.add(Math.floor(random() * random() * skillUris.length));
    for (const index of chosen) {
      const skillUri = skillUris[index];
      if (skillUri === undefined) continue;
      yield { roleUri, skillUri, relation: random() < 0.5 ? "essential" : "optional" };
    }
  }
}
