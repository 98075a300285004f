// The evaluation's query sets, each sampled by a stable key (ESCO URI or O*NET code) with a fixed seed.
//   a: 3-6 skills of an occupation written with alternative labels; variants with two off-topic
//      skills added, with only optional skills, and with one typo per skill. Gold: that occupation.
//   b: six core task statements of an O*NET occupation. Gold: the ESCO occupations the crosswalk maps it to.
//   c: a sentence in a user's words built from O*NET alternate titles and technology skills. Gold as b.
import { sql } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { queryRows } from "@/server/db/rows";
import type { Onet } from "./onet";
import { pick, sampleByKey, shuffle } from "./random";

export type SkillQuery = { key: string; skills: string[]; gold: Set<string> };
export type TextQuery = { key: string; text: string; gold: Set<string> };

type RoleSkills = { uri: string; roleId: string; essential: string[][]; optional: string[][] };

async function roleSkillAlts(db: Db): Promise<RoleSkills[]> {
  const rows = await queryRows<{ role_id: string; uri: string; relation: string; alts: string[] }>(
    db,
    sql`select rs.role_id, r.uri, rs.relation, array_agg(cl.label order by cl.label) as alts
        from role_skills rs join concepts r on r.id = rs.role_id
        join concept_labels cl on cl.concept_id = rs.skill_id and cl.label_kind = 'alt' and cl.lang = 'en'
        group by rs.role_id, r.uri, rs.relation, rs.skill_id order by r.uri, rs.skill_id`,
  );
  const byRole = new Map<string, RoleSkills>();
  for (const r of rows) {
    const role = byRole.get(r.role_id) ?? { uri: r.uri, roleId: r.role_id, essential: [], optional: [] };
    (r.relation === "essential" ? role.essential : role.optional).push(r.alts);
    byRole.set(r.role_id, role);
  }
  return [...byRole.values()];
}

/** One typo in the longest word: two neighbouring letters swapped (the commonest slip). */
export function typo(label: string, random: () => number): string {
  const words = label.split(" ");
  let at = 0;
  words.forEach((w, i) => {
    if (w.length > (words[at] ?? "").length) at = i;
  });
  const word = words[at] ?? "";
  if (word.length < 4) return label;
  const i = 1 + Math.floor(random() * (word.length - 2));
  words[at] = word.slice(0, i - 1) + (word[i] ?? "") + (word[i - 1] ?? "") + word.slice(i + 1);
  return words.join(" ");
}

export async function buildSetA(db: Db, n: number, random: () => number): Promise<Record<"clean" | "off_topic" | "optional_only" | "typo", SkillQuery[]>> {
  const roles = await roleSkillAlts(db);
  const eligible = roles.filter((r) => r.essential.length >= 3);
  const sampled = sampleByKey(eligible, (r) => r.uri, n, random);
  const alt = (alts: string[]) => pick(alts, random);
  const clean: SkillQuery[] = [];
  const offTopic: SkillQuery[] = [];
  const typos: SkillQuery[] = [];
  for (const role of sampled) {
    const k = Math.min(role.essential.length, 3 + Math.floor(random() * 4));
    const skills = shuffle(role.essential, random).slice(0, k).map(alt);
    const gold = new Set([role.roleId]);
    clean.push({ key: role.uri, skills, gold });
    // Two skills of another occupation that this one does not ask for.
    const own = new Set([...role.essential, ...role.optional].flat());
    const other = pick(roles.filter((r) => r.roleId !== role.roleId), random);
    const foreign = shuffle([...other.essential, ...other.optional], random).filter((alts) => !alts.some((a) => own.has(a))).slice(0, 2).map(alt);
    offTopic.push({ key: role.uri, skills: shuffle([...skills, ...foreign], random), gold });
    typos.push({ key: role.uri, skills: skills.map((s) => typo(s, random)), gold });
  }
  const withOptional = sampleByKey(roles.filter((r) => r.optional.length >= 3), (r) => r.uri, n, random);
  const optionalOnly = withOptional.map((role) => ({
    key: role.uri,
    skills: shuffle(role.optional, random).slice(0, Math.min(role.optional.length, 3 + Math.floor(random() * 4))).map(alt),
    gold: new Set([role.roleId]),
  }));
  return { clean, off_topic: offTopic, optional_only: optionalOnly, typo: typos };
}

/** O*NET codes the crosswalk maps to ESCO occupations we hold, as role ids. */
async function goldByCode(db: Db, onet: Onet): Promise<Map<string, Set<string>>> {
  const rows = await queryRows<{ id: string; uri: string }>(db, sql`select id, uri from concepts where kind = 'role'`);
  const idOf = new Map(rows.map((r) => [r.uri, r.id]));
  const out = new Map<string, Set<string>>();
  for (const [code, uris] of onet.crosswalk) {
    const ids = new Set([...uris].flatMap((u) => (idOf.has(u) ? [idOf.get(u) ?? ""] : [])));
    if (ids.size > 0) out.set(code, ids);
  }
  return out;
}

export async function buildSetB(db: Db, onet: Onet, n: number, random: () => number): Promise<TextQuery[]> {
  const gold = await goldByCode(db, onet);
  const codes = [...gold.keys()].filter((c) => (onet.coreTasks.get(c)?.length ?? 0) >= 6);
  return sampleByKey(codes, (c) => c, n, random).map((code) => ({
    key: code,
    text: shuffle(onet.coreTasks.get(code) ?? [], random).slice(0, 6).join(" "),
    gold: gold.get(code) ?? new Set(),
  }));
}

const TEMPLATES: ((t: string[], tools: string[]) => string)[] = [
  (t, tools) => `I have worked as a ${t[0]} for several years. Day to day I use ${list(tools)}.`,
  (t, tools) => `Experienced ${t[0]}, also known as ${t[1] ?? t[0]}, comfortable with ${list(tools)}.`,
  (t, tools) => `Looking for a new job. Most recently ${t[0]}; before that ${t[1] ?? "a similar role"}. Tools: ${list(tools)}.`,
  (t, tools) => `My background: ${t[0]}. I know ${list(tools)} well and want to keep using them.`,
];

function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

export async function buildSetC(db: Db, onet: Onet, n: number, random: () => number): Promise<TextQuery[]> {
  const gold = await goldByCode(db, onet);
  const codes = [...gold.keys()].filter((c) => (onet.titles.get(c)?.length ?? 0) >= 2 && (onet.technology.get(c)?.length ?? 0) >= 3);
  return sampleByKey(codes, (c) => c, n, random).map((code) => {
    const titles = shuffle(onet.titles.get(code) ?? [], random).slice(0, 2);
    const tools = shuffle(onet.technology.get(code) ?? [], random).slice(0, 3 + Math.floor(random() * 3));
    return { key: code, text: pick(TEMPLATES, random)(titles, tools), gold: gold.get(code) ?? new Set() };
  });
}
