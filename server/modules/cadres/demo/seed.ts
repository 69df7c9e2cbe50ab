// Demo data of the cadre records (called by server/demo/seed-demo.ts after the other areas): the
// units of 示范市 and its districts with their posts and 职数, about 3,000 cadres (about 600 managed by
// the city), most of them Party members of the city whose identity then comes from the member record,
// with 简历, appointments, ranks, education, family, rewards, three years of assessments, photos,
// 三龄二历 reviews, the demo cadre's correction requests and every unit's team with its term.
// Planned in memory from one seeded generator, written in one transaction by JSON batches.
// `seedCadresBench` writes the same kind of city at any size (the benchmark's 60,000 cadres).
import { sql } from 'kysely';
import type { Db } from '../../../db/engine.js';
import type { Keys } from '../../../crypto/keys.js';
import { IdCrypto } from '../../../crypto/id-crypto.js';
import type { CityResult } from '../../../demo/generate-city.js';
import { DEFAULT_AS_OF } from '../../../demo/generate-city.js';
import { createRng, type Rng } from '../../../demo/prng.js';
import { ON_BOOKS_STATUSES } from '../../../../domain/member-status.js';
import type { Level } from '../../../../domain/cadre-codes.js';
import {
  UnitPlanner,
  planCityUnits,
  planDistrictDepartments,
  planDistrictTeams,
  planTownship,
  type Area,
  type PlannedPost,
  type PlannedUnit,
} from './units.js';
import { drawCareer, monthOf, type CareerContext, type Person, type Slot } from './careers.js';
import { Calendar, MemberPools, type MemberPick } from './seed-pools.js';
import { addSections, drawAffiliation, drawPerson, nextId, sinceMonth, type PlannedCadre } from './seed-draw.js';
import { writeCadres } from './seed-write.js';

export const CADRES_DEMO_SEED = 2026;
const ASSESSED_YEARS = [2023, 2024, 2025];

export interface CadresDemoResult {
  units: number;
  posts: number;
  cadres: number;
  cityManaged: number;
  memberLinked: number;
  ms: number;
}

interface OrgRow {
  id: number;
  parent_id: number | null;
  path: string;
  name: string;
  short_name: string | null;
  kind: string;
  unit_type: string | null;
}

const triangular = (rng: Rng, lo: number, hi: number) => Math.round(lo + ((hi - lo) * (rng.next() + rng.next())) / 2);
const AGES: Record<string, [number, number]> = { 正处: [44, 59], 副处: [36, 57], 正科: [31, 56], 副科: [27, 54] };
const RANK_ONLY: Record<string, [string, Level][]> = {
  正处: [
    ['一级调研员', '正处'],
    ['二级调研员', '正处'],
    ['三级调研员', '副处'],
    ['四级调研员', '副处'],
  ],
  正科: [
    ['一级主任科员', '正科'],
    ['二级主任科员', '正科'],
    ['三级主任科员', '副科'],
  ],
};

export interface SeedCadresOptions {
  seed?: number;
  asOf?: string;
  /** Cadres wanted; past what the units hold, 内设机构 with 科长 posts are added under the departments (the benchmark). */
  target?: number;
}

/** The demo city's cadres (about 3,000 on the 2,000-organization demo city). */
export async function seedCadresDemo(db: Db, _city: CityResult, keys: Keys, opts: SeedCadresOptions = {}): Promise<CadresDemoResult> {
  return seedCadres(db, keys, opts);
}

/** `n` cadres on whatever city the database holds (the benchmark: 60,000 on the 500,000-member city). */
export async function seedCadresBench(db: Db, keys: Keys, n: number): Promise<CadresDemoResult> {
  return seedCadres(db, keys, { target: n });
}

async function seedCadres(db: Db, keys: Keys, opts: SeedCadresOptions): Promise<CadresDemoResult> {
  const started = performance.now();
  const asOf = opts.asOf ?? DEFAULT_AS_OF;
  const seed = opts.seed ?? CADRES_DEMO_SEED;
  const rng = createRng(seed, 71);
  const crypto = new IdCrypto(keys);

  const orgs = (
    await sql<OrgRow>`select id::int as id, parent_id::int as parent_id, path::text as path, name, short_name, kind, unit_type
      from orgs where status = 'active' order by id`.execute(db)
  ).rows;
  const root = orgs.find((o) => o.parent_id === null);
  if (!root) throw new Error('cadres demo: the database has no city');
  const cityName = root.name.replace(/^中共/, '').replace(/委员会$/, '');
  const cityArea: Area = { district: null, managerOrgId: root.id, prefix: cityName, short: '市', abbr: cityName.slice(0, 1) };
  const districtOrgs = orgs.filter((o) => o.kind === 'county_committee' && o.parent_id === root.id);
  const planner = new UnitPlanner(await nextId(db, 'cadre_units'), await nextId(db, 'cadre_posts'));

  // The demo `cadre` account: a member of a 机关党支部 in the first district (demo-accounts.ts).
  const users = await db.selectFrom('users').select(['id', 'username', 'org_id', 'display_name', 'member_id']).execute();
  const cadreUser = users.find((u) => u.username === 'cadre') ?? null;
  const cadreBranch = cadreUser ? (orgs.find((o) => o.id === cadreUser.org_id) ?? null) : null;

  planCityUnits(planner, cityArea, cityName.replace(/市$/, ''));
  const districtAreas: Area[] = [];
  districtOrgs.forEach((d, i) => {
    const short = (d.short_name ?? d.name).replace(/委$/, '');
    const area: Area = { district: i, managerOrgId: d.id, prefix: cityName + short, short, abbr: short.slice(0, 1) };
    districtAreas.push(area);
    const team = planDistrictTeams(planner, cityArea, area, d.id, i);
    // The department the demo cadre's branch belongs to is always among the district's.
    const extra = new Set<string>();
    if (cadreBranch && cadreBranch.path.startsWith(`${d.path}.`)) {
      const m = cadreBranch.name.slice(area.prefix.length).match(/^(.+?)机关/);
      if (m) extra.add(m[1]);
    }
    planDistrictDepartments(planner, area, team.id, extra, 12);
    for (const t of orgs.filter((o) => o.kind === 'township_committee' && o.parent_id === d.id)) {
      const word = (t.short_name ?? t.name).replace(/(党工委|党委)$/, '');
      const type = word.endsWith('街道') ? '街道' : word.endsWith('乡') ? '乡' : '镇';
      planTownship(planner, area, team.id, word, type, t.id);
    }
  });
  // Some slots find nobody whose age fits the career: plan a tenth more and keep `target`.
  if (opts.target) addSections(planner, opts.target * 1.12);
  const units = planner.units;
  const areaKey = (a: Area) => (a.district === null ? 'city' : `d${a.district}`);

  // Party organizations of each unit (its 机关 branches), found by name.
  const orgsByKey = new Map<string, OrgRow>();
  const unitKeys = units.map((u) => u.orgKey).filter((k): k is string => k !== null);
  const orgUnitKey = new Map<number, string>();
  for (const o of orgs) {
    const key = unitKeys.find((k) => o.name.startsWith(k) || o.name.startsWith(`中共${k}`));
    if (!key) continue;
    orgUnitKey.set(o.id, key);
    const prev = orgsByKey.get(key);
    if (!prev || o.path.length < prev.path.length) orgsByKey.set(key, o);
  }
  for (const u of units) if (u.orgId === null && u.orgKey) u.orgId = orgsByKey.get(u.orgKey)?.id ?? null;

  // Members who could be cadres: on the books, full members, 25–59, not retired, not an account's member already.
  const pools = new MemberPools();
  const districtOfOrg = new Map<number, string>();
  const districtIds = new Map(districtOrgs.map((d, i) => [String(d.id), `d${i}`]));
  for (const o of orgs)
    districtOfOrg.set(
      o.id,
      o.path
        .split('.')
        .map((id) => districtIds.get(id))
        .find(Boolean) ?? 'city',
    );
  const tierOf = new Map(
    orgs.map((o) => [o.id, o.unit_type === 'organ' ? 1 : ['institution', 'soe', 'school', 'hospital'].includes(o.unit_type ?? '') ? 2 : 3]),
  );
  const oldest = `${Number(asOf.slice(0, 4)) - 59}${asOf.slice(4)}`;
  const youngest = `${Number(asOf.slice(0, 4)) - 26}${asOf.slice(4)}`;
  const members = (
    await sql<
      MemberPick & { org_id: number }
    >`select m.id::int as id, m.org_id::int as org_id, m.name, m.gender as sex, to_char(m.birth_date, 'YYYY-MM-DD') as birth,
        to_char(m.admitted_on, 'YYYY-MM') as joined
      from members m where m.status = any(${ON_BOOKS_STATUSES}::text[]) and m.category = 'full'
        and m.birth_date > ${oldest}::date and m.birth_date <= ${youngest}::date and coalesce(m.occupation, '') not in ('retired', 'student', 'farmer')
        and not exists (select 1 from users u where u.member_id = m.id)
      order by m.id`.execute(db)
  ).rows;
  let demoCadreMember: MemberPick | null = null;
  if (cadreUser && cadreBranch) {
    // Of working age, 30–52 for preference; the account's own name first.
    const mine = members.filter((m) => m.org_id === cadreBranch.id);
    const prime = mine.filter((m) => m.birth > `${Number(asOf.slice(0, 4)) - 52}` && m.birth < `${Number(asOf.slice(0, 4)) - 30}`);
    demoCadreMember = prime.find((m) => m.name === cadreUser.display_name) ?? prime[0] ?? mine[0] ?? null;
  }
  for (const m of members) {
    if (m.id === demoCadreMember?.id) continue;
    pools.add(orgUnitKey.get(m.org_id) ?? '', districtOfOrg.get(m.org_id) ?? 'city', tierOf.get(m.org_id) ?? 3, m);
  }

  // Where earlier posts are found: the same district's posts of a level (townships apart), and the city's.
  const postsBy = new Map<string, { unit: PlannedUnit; post: PlannedPost }[]>();
  for (const u of units)
    for (const p of u.posts) {
      const key = `${areaKey(u.area)}:${p.level}:${u.grassroots ? 'g' : 'o'}`;
      const list = postsBy.get(key) ?? [];
      list.push({ unit: u, post: p });
      postsBy.set(key, list);
    }
  const townships = new Map<string, PlannedUnit[]>();
  for (const u of units)
    if (u.kind === '乡镇街道') {
      const list = townships.get(areaKey(u.area)) ?? [];
      list.push(u);
      townships.set(areaKey(u.area), list);
    }
  const calendar = new Calendar(createRng(seed, 72), asOf);
  const districtKeys = districtAreas.map(areaKey);
  // A district's four leadership teams are the city's to manage but lie in the district.
  const teamDistrict = new Map<number, string>();
  for (const u of units) {
    const d = u.area.district === null ? districtAreas.find((a) => u.name.includes(a.prefix)) : undefined;
    if (d) teamDistrict.set(u.id, areaKey(d));
  }
  const unitAreaOf = (u: PlannedUnit): string => teamDistrict.get(u.id) ?? areaKey(u.area);
  const ctx: CareerContext = {
    rng,
    asOf,
    home(unit) {
      // A district's cadres grew up in it; the city's, in a district (or, for a third of them, in the city's own departments).
      const own = unitAreaOf(unit);
      if (own !== 'city') return rng.chance(0.8) || !districtKeys.length ? own : rng.pick(districtKeys);
      return districtKeys.length && rng.chance(0.7) ? rng.pick(districtKeys) : 'city';
    },
    pastPost(level, unit, grassroots, home) {
      const own = unitAreaOf(unit);
      const area = level.endsWith('科') ? home : own === 'city' && rng.chance(0.3) ? home : own;
      // Courts, procuratorates and the discipline commission keep their own people; others rarely pass through them.
      const closed = (u: PlannedUnit) => u.kind === '法院检察院' || u.kind === '纪委监委';
      const list = postsBy.get(`${area}:${level}:${grassroots ? 'g' : 'o'}`) ?? postsBy.get(`${area}:${level}:${grassroots ? 'o' : 'g'}`);
      for (let i = 0; list?.length && i < 6; i++) {
        const hit = rng.pick(list);
        if (closed(hit.unit) === closed(unit)) return hit;
      }
      return null;
    },
    decision: (unit, month) => calendar.near(unit.area.abbr, month),
    township(home) {
      const list = townships.get(home);
      return list?.length ? rng.pick(list) : null;
    },
  };

  // The slots: every post filled to its 职数, with some vacancies and some posts over it, and ranks without posts.
  const slots: Slot[] = [];
  let vacant = 0;
  let over = 0;
  for (const u of units) {
    for (const p of u.posts) {
      let n = p.quota;
      if (rng.chance(0.07) || (vacant === 0 && p.quota > 1)) {
        n -= 1;
        vacant++;
      } else if (!p.principal && (rng.chance(0.03) || (over === 0 && p.quota > 1))) {
        n += 1;
        over++;
      }
      for (let i = 0; i < n; i++) slots.push({ unit: u, post: p, level: p.level, title: p.fullTitle });
    }
    const ranks = u.kind === '政府部门' || u.kind === '党委工作部门' ? RANK_ONLY[u.level] : undefined;
    if (ranks && u.kind !== '内设机构') {
      const count = u.level === '正处' ? rng.int(1, 4) : rng.chance(0.35) ? 1 : 0;
      for (let i = 0; i < count; i++) {
        const [title, level] = rng.pick(ranks);
        slots.push({ unit: u, post: null, level, title: u.name.replace(/^中共/, '') + title });
      }
    }
  }

  // The demo cadre: a deputy post of their own department (or the district's first one).
  const firstCadreId = await nextId(db, 'cadres');
  const planned: PlannedCadre[] = [];
  let demoCadreId: number | null = null;
  if (demoCadreMember && cadreBranch) {
    const dept =
      units.find((u) => u.orgKey && cadreBranch.name.startsWith(u.orgKey) && u.posts.some((p) => p.level === '副科')) ??
      units.find((u) => u.area.district === 0 && u.kind === '政府部门');
    const slotAt = slots.findIndex((s) => s.unit === dept && s.post?.level === '副科');
    if (slotAt >= 0) {
      const [slot] = slots.splice(slotAt, 1);
      const person: Person = {
        name: demoCadreMember.name,
        sex: demoCadreMember.sex,
        birth: demoCadreMember.birth,
        memberId: demoCadreMember.id,
      };
      for (let attempt = 0; attempt < 40 && demoCadreId === null; attempt++) {
        const draft = drawCareer(ctx, slot, person, monthOf(asOf) - rng.int(6, 40));
        if (draft) {
          demoCadreId = firstCadreId + planned.length;
          planned.push({ id: demoCadreId, slot, person, nonMember: null, draft, photo: 0 });
        }
      }
      if (demoCadreId === null) slots.splice(slotAt, 0, slot);
    }
  }

  const year = Number(asOf.slice(0, 4));
  for (const slot of slots) {
    const wantsMember = !rng.chance(
      slot.unit.kind === '政协机关' && !slot.post?.principal ? 0.5 : slot.unit.kind === '人大机关' ? 0.2 : 0.1,
    );
    const [lo, hi] = AGES[slot.level];
    for (let attempt = 0; attempt < 8; attempt++) {
      const age = slot.post ? triangular(rng, lo, hi) : triangular(rng, Math.max(lo, 45), 59);
      const member = wantsMember ? pools.take(slot.unit.orgKey, unitAreaOf(slot.unit), year - age) : null;
      const person: Person = member
        ? { name: member.name, sex: member.sex, birth: member.birth, memberId: member.id }
        : drawPerson(rng, year - age);
      const since = sinceMonth(rng, slot, asOf);
      const draft = drawCareer(ctx, slot, person, since);
      if (draft) {
        planned.push({
          id: firstCadreId + planned.length,
          slot,
          person,
          nonMember: member ? null : drawAffiliation(rng),
          draft,
          photo: rng.chance(0.97) ? rng.int(0, 11) : null,
        });
        break;
      }
      if (member) pools.used.delete(member.id);
    }
  }

  if (opts.target && planned.length > opts.target) planned.length = opts.target;

  // Assessments: 优秀 for at most a fifth of each managing committee's cadres a year (公务员考核规定 2020).
  const assessments: { cadre_id: number; year: number; grade: string; note: string }[] = [];
  const managerOf = (c: PlannedCadre) => c.slot.unit.area.managerOrgId;
  const counts = new Map<string, { n: number; excellent: number }>();
  for (const c of planned)
    for (const y of ASSESSED_YEARS)
      counts.set(`${managerOf(c)}:${y}`, { n: (counts.get(`${managerOf(c)}:${y}`)?.n ?? 0) + 1, excellent: 0 });
  for (const c of planned) {
    const warned = new Set(c.draft.rewards.filter((r) => r.kind === 'punishment' && r.onForm).map((r) => Number(r.onDate.slice(0, 4))));
    const grades: string[] = [];
    for (const y of ASSESSED_YEARS) {
      const bucket = counts.get(`${managerOf(c)}:${y}`)!;
      const r = rng.next();
      let grade = r < 0.002 && y === 2025 ? '不称职' : r < 0.017 ? '基本称职' : r < 0.19 ? '优秀' : '称职';
      if (grade === '优秀' && (warned.has(y) || bucket.excellent + 1 > Math.floor(bucket.n * 0.2))) grade = '称职';
      if (grade === '优秀') bucket.excellent++;
      grades.push(grade);
      assessments.push({ cadre_id: c.id, year: y, grade, note: grade === '基本称职' ? '已进行诫勉谈话' : '' });
    }
    if (grades.every((g) => g === '优秀'))
      c.draft.rewards.push({
        kind: 'reward',
        onDate: '2026-03-31',
        text: '2023—2025年连续三年年度考核优秀，记三等功',
        onForm: true,
        until: null,
      });
  }

  // Spouses who are cadres too: a handful of pairs linked for the avoidance check (回避).
  const relatives = new Map<number, number>();
  const byName = new Map(planned.map((c) => [c.person.name, c]));
  for (const c of planned) {
    if (relatives.size >= 12) break;
    const spouse = c.draft.family.find((f) => f.relation === '妻子' || f.relation === '丈夫');
    if (!spouse || relatives.has(c.id) || !rng.chance(0.05)) continue;
    const other = planned[rng.int(0, planned.length - 1)];
    if (other === c || other.person.sex === c.person.sex || relatives.has(other.id) || byName.get(other.person.name) !== other) continue;
    spouse.name = other.person.name;
    spouse.birth = other.person.birth.slice(0, 7);
    spouse.workPost = other.slot.title;
    spouse.political = other.nonMember ? other.nonMember.political : '中共党员';
    relatives.set(c.id, other.id);
  }

  const officers = new Map(users.filter((u) => u.username.startsWith('cadre-officer')).map((u) => [u.username, u]));
  await db.transaction().execute((trx) =>
    writeCadres(trx, {
      rng,
      asOf,
      crypto,
      units,
      planned,
      assessments,
      relatives,
      members,
      officers,
      districtAreas,
      demo: { user: cadreUser, cadreId: demoCadreId, member: demoCadreMember },
    }),
  );

  return {
    units: units.length,
    posts: units.reduce((s, u) => s + u.posts.length, 0),
    cadres: planned.length,
    cityManaged: planned.filter((c) => c.slot.unit.area.district === null).length,
    memberLinked: planned.filter((c) => c.person.memberId !== null).length,
    ms: Math.round(performance.now() - started),
  };
}
