import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { withTestAdapters } from "@tests/helpers/adapters";
import { sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "@tests/helpers/db";
import type { SessionUser } from "@/server/auth/types";

vi.hoisted(() => {
  process.env.SEARCH_LOG_KEY = "k1:search-test-secret-0123456789";
});

let t: TestDb;
let currentUser: SessionUser | null = null;
withTestAdapters(() => ({
  session: async () => currentUser,
  db: async () => t.db,
  embedder,
  // Behind one proxy of our own, whose X-Forwarded-For hop (the last) is the trusted address.
  addressSource: { kind: "hops", hops: 1 },
}));

const { upsertTaxonomy } = await import("@/server/taxonomy/upsert");
const { embedConcepts } = await import("@/server/embeddings/concepts");
const { createLocalEmbedder } = await import("@/server/embeddings/local");
const { searchConcepts } = await import("@/server/search/concepts");
const { hitRateLimit } = await import("@/server/ratelimit");
const { queryRows } = await import("@/server/db/rows");
const { GET, POST } = await import("@/app/api/search/route");
const { personSearch } = await import("@/server/search/person-search");
const { bumpTaxonomyVersion } = await import("@/server/taxonomy/version");
type TaxonomyConcept = import("@/server/taxonomy/upsert").TaxonomyConcept;

const embedder = createLocalEmbedder();

function concept(kind: "skill" | "role", slug: string, nb: string, en: string, alt: { nb?: string[]; en?: string[] } = {}): TaxonomyConcept {
  return {
    uri: `evne:${kind}/${slug}`,
    kind,
    descriptions: {},
    labels: [
      { lang: "nb", labelKind: "preferred", label: nb },
      { lang: "en", labelKind: "preferred", label: en },
      ...(alt.nb ?? []).map((label) => ({ lang: "nb", labelKind: "alt" as const, label })),
      ...(alt.en ?? []).map((label) => ({ lang: "en", labelKind: "alt" as const, label })),
    ],
  };
}

const taxonomy = [
  concept("skill", "javascript", "JavaScript", "JavaScript", { en: ["JS", "ECMAScript"] }),
  concept("skill", "java", "Java", "Java"),
  concept("skill", "nursing", "Sykepleie", "Nursing", { nb: ["pasientpleie"], en: ["patient care"] }),
  concept("skill", "welding", "Sveising", "Welding", { en: ["MIG welding"] }),
  concept("skill", "pm", "Prosjektledelse", "Project management", { nb: ["prosjektstyring"], en: ["PM"] }),
  concept("skill", "licence-b", "Førerkort klasse B", "Driving licence class B", { nb: ["bilsertifikat"] }),
  concept("skill", "accounting", "Regnskap", "Accounting", { nb: ["bokføring"], en: ["bookkeeping"] }),
  concept("role", "nurse", "Sykepleier", "Nurse", { en: ["registered nurse"] }),
  concept("role", "developer", "Utvikler", "Software developer", { nb: ["programmerer", "systemutvikler"], en: ["programmer"] }),
  concept("role", "driver", "Sjåfør", "Driver", { nb: ["yrkessjåfør"], en: ["chauffeur"] }),
  concept("role", "accountant", "Regnskapsfører", "Accountant"),
  concept("skill", "python", "Python", "Python"),
  concept("skill", "excel", "Microsoft Excel", "Microsoft Excel", { nb: ["Excel", "regneark"], en: ["Excel", "spreadsheets"] }),
  concept("skill", "deviation", "Avviksbehandling", "Deviation handling", { nb: ["avviksmelding"], en: ["incident reporting"] }),
];

const ids = new Map<string, string>();

beforeAll(async () => {
  t = await createTestDb();
  await upsertTaxonomy(t.db, { source: "starter", removeMissing: false, links: [], concepts: taxonomy });
  await embedConcepts(t.db, embedder);
  for (const row of await queryRows<{ id: string; uri: string }>(t.db, sql`select id, uri from concepts`)) ids.set(row.uri, row.id);
});
afterAll(() => t.close());
beforeEach(async () => {
  currentUser = null;
  await t.db.execute(sql`delete from search_log`);
  await t.db.execute(sql`delete from rate_limit_windows`);
});

const search = (q: string, type: "skill" | "role" = "skill", lang: "nb" | "en" = "nb") => searchConcepts(t.db, { q, type, lang, limit: 5, embedder });
const user = (over: Partial<SessionUser> = {}): SessionUser => ({
  id: "0f8fad5b-d9cb-469f-a165-70867728950e",
  email: "kari@evne.local",
  displayName: "Kari",
  isAdmin: false,
  locale: "nb",
  restricted: false,
  objected: false,
  ...over,
});
const call = (query: Record<string, string>, headers: Record<string, string> = {}) =>
  GET(new Request(`http://localhost/api/search?${new URLSearchParams(query)}`, { headers }));

describe("searchConcepts", () => {
  test("a typo still finds the skill first", async () => {
    const [top] = await search("javscript");
    expect(top).toMatchObject({ conceptId: ids.get("evne:skill/javascript"), label: "JavaScript", matchedLabel: null });
  });

  test("typos and synonyms are found in English too, the synonym shown in the interface language", async () => {
    const en = (q: string, type: "skill" | "role") => searchConcepts(t.db, { q, type, lang: "en", limit: 5, embedder });
    expect((await en("javscript", "skill"))[0]?.conceptId).toBe(ids.get("evne:skill/javascript"));
    expect((await en("chaufeur", "role"))[0]?.conceptId).toBe(ids.get("evne:role/driver"));
    expect((await en("prog", "role"))[0]).toMatchObject({ label: "Software developer", matchedLabel: "programmer" });
  });

  test("a slip in the first letters still finds the skill", async () => {
    expect((await search("ajvascript"))[0]?.conceptId).toBe(ids.get("evne:skill/javascript"));
    expect((await search("ewlding", "skill", "en"))[0]?.conceptId).toBe(ids.get("evne:skill/welding"));
  });

  test("two swapped letters are one edit: Pyhton finds Python, and only Python", async () => {
    const results = await search("Pyhton");
    expect(results.map((r) => r.label)).toEqual(["Python"]);
    expect(results[0]?.exact).toBe(false);
  });

  test("every result carries the concept's URI beside its id", async () => {
    const [top] = await search("sveising");
    expect(top).toMatchObject({ conceptId: ids.get("evne:skill/welding"), uri: "evne:skill/welding" });
  });

  test("results end where matches end: no unrelated concepts pad the list", async () => {
    expect((await search("sveising")).map((r) => r.label)).toEqual(["Sveising"]);
    expect((await search("regnskap", "role")).map((r) => r.label)).toEqual(["Regnskapsfører"]);
  });

  test("a synonym that equals the query is exact (no 'add as your own'), and is shown beside the label", async () => {
    const [excel] = await search("Excel");
    expect(excel).toMatchObject({ label: "Microsoft Excel", matchedLabel: "Excel", exact: true });
    expect((await search("Exc"))[0]?.exact).toBe(false);
  });

  test("the matched synonym is shown in the interface language where one matched", async () => {
    const en = await searchConcepts(t.db, { q: "incident rep", type: "skill", lang: "en", limit: 5, embedder });
    expect(en[0]).toMatchObject({ label: "Deviation handling", matchedLabel: "incident reporting" });
    const nbQuery = await searchConcepts(t.db, { q: "avviksm", type: "skill", lang: "en", limit: 5, embedder });
    expect(nbQuery[0]).toMatchObject({ label: "Deviation handling", matchedLabel: "avviksmelding" });
  });

  test("a prefix of any word of a label matches, also mid-word after a space", async () => {
    expect((await search("klasse", "skill"))[0]?.conceptId).toBe(ids.get("evne:skill/licence-b"));
    expect((await search("driving lic", "skill", "en"))[0]?.conceptId).toBe(ids.get("evne:skill/licence-b"));
    expect((await search("registered nur", "role", "en"))[0]?.conceptId).toBe(ids.get("evne:role/nurse"));
  });

  test("Norwegian letters typed on an English keyboard: aa/oe/ae or no marks at all", async () => {
    expect((await search("sjaafoer", "role"))[0]?.conceptId).toBe(ids.get("evne:role/driver"));
    expect((await search("forerkort"))[0]?.conceptId).toBe(ids.get("evne:skill/licence-b"));
    expect((await search("regnskapsforer", "role"))[0]?.conceptId).toBe(ids.get("evne:role/accountant"));
  });

  test("a new taxonomy version is picked up without a restart", async () => {
    expect(await search("kranfører")).toEqual([]);
    await upsertTaxonomy(t.db, { source: "starter", removeMissing: false, links: [], concepts: [concept("skill", "crane", "Kranfører", "Crane operation")] });
    expect((await search("kranfører"))[0]).toMatchObject({ label: "Kranfører", uri: "evne:skill/crane" });
    await t.db.execute(sql`delete from concepts where uri = 'evne:skill/crane'`);
    await bumpTaxonomyVersion(t.db);
    expect(await search("kranfører")).toEqual([]);
  });

  test("a prefix finds the skill, the exact label beats a longer one", async () => {
    expect((await search("java")).map((r) => r.label).slice(0, 2)).toEqual(["Java", "JavaScript"]);
    expect((await search("sveis"))[0]?.label).toBe("Sveising");
  });

  test("a synonym matches; the result is labelled in the asked language with the synonym beside it", async () => {
    const [nb] = await search("programmerer", "role", "nb");
    expect(nb).toMatchObject({ conceptId: ids.get("evne:role/developer"), label: "Utvikler", matchedLabel: "programmerer" });
    const [en] = await search("programmerer", "role", "en");
    expect(en).toMatchObject({ conceptId: ids.get("evne:role/developer"), label: "Software developer", matchedLabel: "programmerer" });
    const [book] = await search("bookkeeping", "skill", "nb");
    expect(book).toMatchObject({ label: "Regnskap", matchedLabel: "bookkeeping" });
  });

  test("æ, ø, å and case do not matter", async () => {
    expect((await search("SJÅFØR", "role"))[0]).toMatchObject({ conceptId: ids.get("evne:role/driver"), label: "Sjåfør", matchedLabel: null });
    expect((await search("førerkort"))[0]?.conceptId).toBe(ids.get("evne:skill/licence-b"));
    expect((await search("sjafor", "role"))[0]?.conceptId).toBe(ids.get("evne:role/driver"));
  });

  test("only the asked type is returned", async () => {
    const results = await search("sykepleie", "role");
    expect(results[0]?.conceptId).toBe(ids.get("evne:role/nurse"));
    expect(results.map((r) => r.conceptId)).not.toContain(ids.get("evne:skill/nursing"));
  });

  test("empty query gives nothing, one letter gives prefix matches only", async () => {
    expect(await search("   ")).toEqual([]);
    const one = await search("s");
    expect(one.map((r) => r.label).sort()).toEqual(["Microsoft Excel", "Sveising", "Sykepleie"]);
    // LIKE wildcards are escaped: "%" and "_" match no label instead of every label.
    expect(await search("%")).toEqual([]);
    expect(await search("_")).toEqual([]);
  });
});

describe("GET /api/search", () => {
  test("returns results as JSON", async () => {
    const response = await call({ q: "nurse", type: "role", lang: "en" });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { results: { label: string }[] };
    expect(body.results[0]?.label).toBe("Nurse");
  });

  test.each([
    ["empty", ""],
    ["one character", "j"],
    ["SQL", "'; drop table concepts; --"],
    ["LIKE wildcards", "%_\\%"],
    ["HTML", "<script>alert(1)</script>"],
    ["emoji", "🚀🔥 javascript 👩‍💻"],
    ["only emoji", "👩‍💻"],
    ["trigram operators", "% <% <-> <=>"],
  ])("a %s query is just text: 200, never 500", async (_name, q) => {
    const response = await call({ q, type: "skill", lang: "nb" });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { results: unknown[] };
    expect(Array.isArray(body.results)).toBe(true);
    expect((await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from concepts`))[0]?.n).toBe(taxonomy.length);
  });

  test("an emoji next to a word does not stop the word from matching", async () => {
    const body = (await (await call({ q: "🚀 javascript", type: "skill" })).json()) as { results: { label: string }[] };
    expect(body.results[0]?.label).toBe("JavaScript");
  });

  test("a 500-character query is a 400 with a plain message", async () => {
    const response = await call({ q: "a".repeat(500) });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; fieldErrors?: Record<string, string[]> } };
    expect(body.error.code).toBe("bad_request");
    expect(body.error.fieldErrors?.q?.[0]).toMatch(/200 characters/);
  });

  test("a bad type or language is a 400", async () => {
    expect((await call({ q: "java", type: "planet" })).status).toBe(400);
    expect((await call({ q: "java", lang: "de" })).status).toBe(400);
  });
});

const choose = (body: unknown) =>
  POST(new Request("http://localhost/api/search", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }));
const submit = (q: string) =>
  personSearch({ db: t.db, user: currentUser, headers: new Headers(), embedder, addressSource: { kind: "hops", hops: 1 } as const }, { q, type: "skill", lang: "nb", limit: 20, record: "search" });
const logRows = () => queryRows<{ query: string; resolved_concept_id: string | null }>(t.db, sql`select query, resolved_concept_id from search_log`);

describe("search log: searches, not keystrokes", () => {
  test("a submitted search is one row", async () => {
    currentUser = user();
    await submit("sveising");
    expect(await logRows()).toEqual([{ query: "sveising", resolved_concept_id: ids.get("evne:skill/welding") }]);
  });

  test("typing in a type-ahead logs nothing until a result is chosen; the choice is one row with the typed text", async () => {
    currentUser = user();
    for (const q of ["ja", "jav", "java", "javas"]) expect((await call({ q, type: "skill" })).status).toBe(200);
    expect(await logRows()).toEqual([]);
    const response = await choose({ q: "javas", type: "skill", conceptId: ids.get("evne:skill/javascript") });
    expect(response.status).toBe(200);
    expect(await logRows()).toEqual([{ query: "javas", resolved_concept_id: ids.get("evne:skill/javascript") }]);
  });

  test("a choice must name a concept of the searched type: 404 or 400, nothing logged", async () => {
    currentUser = user();
    expect((await choose({ q: "nurse", type: "skill", conceptId: ids.get("evne:role/nurse") })).status).toBe(404);
    expect((await choose({ q: "nurse", type: "skill", conceptId: "not-a-uuid" })).status).toBe(400);
    expect((await POST(new Request("http://localhost/api/search", { method: "POST", body: "{not json" }))).status).toBe(400);
    expect(await logRows()).toEqual([]);
  });

  test("a signed-in user's search is logged under a pseudonym only, with the top hit", async () => {
    currentUser = user();
    await submit("  JavaScript ");
    const rows = await queryRows<Record<string, unknown>>(t.db, sql`select * from search_log`);
    expect(rows).toHaveLength(1);
    const row = rows[0] ?? {};
    expect(row).toMatchObject({ query: "javascript", search_type: "skill", resolved_concept_id: ids.get("evne:skill/javascript"), key_id: "k1" });
    expect(String(row.pseudonym)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(JSON.stringify(row)).not.toContain(currentUser.id);
    expect(JSON.stringify(row)).not.toContain(currentUser.email);
    expect(Object.keys(row).sort()).toEqual(["id", "key_id", "occurred_at", "pseudonym", "query", "resolved_concept_id", "search_type"]);
  });

  test.each([
    ["anonymous", null],
    ["restricted", user({ restricted: true })],
    ["objecting", user({ objected: true })],
  ])("an %s visitor's search is not logged", async (_name, who) => {
    currentUser = who;
    await submit("javascript");
    const response = await choose({ q: "javascript", type: "skill", conceptId: ids.get("evne:skill/javascript") });
    expect(response.status).toBe(200);
    expect(await queryRows(t.db, sql`select * from search_log`)).toHaveLength(0);
  });
});

describe("rate limit", () => {
  test("an anonymous address over its limit gets 429 with Retry-After; another address does not", async () => {
    const headers = { "x-forwarded-for": "203.0.113.7" };
    let last: Response | undefined;
    for (let i = 0; i < 61; i++) last = await call({ q: "j" }, headers);
    expect(last?.status).toBe(429);
    const retryAfter = Number(last?.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await call({ q: "j" }, { "x-forwarded-for": "198.51.100.1" })).status).toBe(200);
    const keys = await queryRows<{ key: string }>(t.db, sql`select key from rate_limit_windows`);
    expect(keys.map((k) => k.key).join(" ")).not.toContain("203.0.113.7");
  });

  test("a fixed window: the count resets when the next window starts", async () => {
    const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, s));
    const hit = (s: number) => hitRateLimit(t.db, { key: "test:window", limit: 2, windowSeconds: 60, now: at(s) });
    expect((await hit(0)).allowed).toBe(true);
    expect((await hit(10)).allowed).toBe(true);
    const third = await hit(45);
    expect(third).toMatchObject({ allowed: false, remaining: 0, retryAfterSeconds: 15 });
    expect((await hit(61)).allowed).toBe(true);
  });
});
