// Demo data of the cadre records (called by server/demo/seed-demo.ts after the other areas): the
// units of 示范市 and its districts with their posts and 职数, about 3,000 cadres (about 600 managed by
// the city), most of them Party members of the city whose identity then comes from the member record,
// with 简历, appointments, ranks, education, family, rewards, three years of assessments, photos,
// 三龄二历 reviews, the demo cadre's correction requests and every unit's team with its term.
// Planned in memory from one seeded generator, written in one transaction by JSON batches.
// `seedCadresBench` writes the same kind of city at any size (the benchmark's 60,000 cadres).
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../db/engine.js';
import type { Trx } from '../../../audit/audit-log.js';
import type { Keys } from '../../../crypto/keys.js';
import { IdCrypto } from '../../../crypto/id-crypto.js';
import type { CityResult } from '../../../demo/generate-city.js';
import { DEFAULT_AS_OF } from '../../../demo/generate-city.js';
import { createRng, type Rng } from '../../../demo/prng.js';
import { chineseNumber, personName, type Sex } from '../../../demo/names.js';
import { pinyinInitials, pinyinSortKey } from '../../orgs/pinyin.js';
import { idNumberFor } from '../../members/id-numbers.js';
import { maskIdNumber } from '../../../../domain/rules/id-number.js';
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
import {
  drawCareer,
  monthOf,
  ymOf,
  type CadreDraft,
  type CareerContext,
  type Decision,
  type Month,
  type Person,
  type Slot,
} from './careers.js';
import { placeholderPhoto, PHOTO_MIME } from './photo.js';
import { withBulkLoad } from '../../dues/bulk-load.js';

export const CADRES_DEMO_SEED = 2026;
const ASSESSED_YEARS = [2023, 2024, 2025];
// GB/T 2260 codes for the non-member cadres' identity numbers, apart from the ones the member demo uses.
const AREA_CODES = ['320281', '320282', '320381', '320382'];
const BATCH = 2000;
// Past this many rows (the benchmark's tables) a table is loaded without its indexes and foreign keys, then they are rebuilt.
const BULK = 20_000;

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

interface MemberPick {
  id: number;
  name: string;
  sex: Sex;
  birth: string;
  /** 入党时间, YYYY-MM */
  joined: string | null;
}

/** Members of working age, by where they are (city units or a district) and how close to a 机关 they work. */
class MemberPools {
  private readonly byUnit = new Map<string, Map<number, MemberPick[]>>();
  private readonly byArea = new Map<string, Map<number, MemberPick[]>>();

  add(key: string, area: string, tier: number, m: MemberPick): void {
    const year = Number(m.birth.slice(0, 4));
    const push = (map: Map<string, Map<number, MemberPick[]>>, k: string) => {
      let years = map.get(k);
      if (!years) map.set(k, (years = new Map()));
      const list = years.get(year);
      if (list) list.push(m);
      else years.set(year, [m]);
    };
    if (key) push(this.byUnit, key);
    push(this.byArea, `${area}:${tier}`);
  }

  /** A member born in `year` (or up to three years either side), from the unit's own organizations first. */
  take(unitKey: string | null, area: string, year: number): MemberPick | null {
    const sources = [unitKey ? this.byUnit.get(unitKey) : undefined, ...[1, 2, 3].map((t) => this.byArea.get(`${area}:${t}`))];
    for (const spread of [0, 1, -1, 2, -2, 3, -3]) {
      for (const years of sources) {
        const list = years?.get(year + spread);
        while (list?.length) {
          const m = list.pop()!;
          if (!this.used.has(m.id)) {
            this.used.add(m.id);
            return m;
          }
        }
      }
    }
    return null;
  }

  readonly used = new Set<number>();
}

/** Decisions of each managing committee: ten-odd meetings a year on working days, documents numbered in order. */
class Calendar {
  private readonly years = new Map<string, Decision[]>();
  constructor(
    private readonly rng: Rng,
    private readonly asOf: string,
  ) {}

  private meetings(abbr: string, year: number): Decision[] {
    const key = `${abbr}${year}`;
    let list = this.years.get(key);
    if (list) return list;
    const days = new Set<string>();
    const count = this.rng.int(9, 14);
    while (days.size < count) {
      const month = this.rng.int(1, 12);
      const day = this.rng.int(1, 28);
      const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
      if (weekday !== 0 && weekday !== 6 && date <= this.asOf) days.add(date);
      if (`${year}-01-01` > this.asOf) break;
    }
    let no = this.rng.int(1, 4);
    list = [...days].sort().map((date) => {
      const d = { date, docNo: `${abbr}组干〔${year}〕${no}号` };
      no += this.rng.int(2, 9);
      return d;
    });
    this.years.set(key, list);
    return list;
  }

  /** The meeting of that year nearest to the month, never after the demo's "today". */
  near(abbr: string, month: Month): Decision {
    for (let year = Math.floor(month / 12); ; year--) {
      const list = this.meetings(abbr, year);
      if (!list.length) continue;
      let best = list[0];
      for (const d of list) if (Math.abs(monthOf(d.date) - month) < Math.abs(monthOf(best.date) - month)) best = d;
      return best;
    }
  }
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

interface PlannedCadre {
  id: number;
  slot: Slot;
  person: Person;
  nonMember: { political: string; partyName: string; ethnicity: string } | null;
  draft: CadreDraft;
  photo: number | null;
}

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
  const idSeqs = new Map<string, number>();
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
  await db.transaction().execute(async (trx) => {
    await insertJson(
      trx,
      'cadre_units',
      UNIT_COLS,
      units.map((u) => ({
        id: u.id,
        manager_org_id: u.area.managerOrgId,
        org_id: u.orgId,
        name: u.name,
        short_name: u.shortName,
        kind: u.kind,
        level: u.level,
        parent_unit_id: u.parentId,
        sort: u.sort,
        name_initials: pinyinInitials(u.name.replace(/^中共/, '')),
      })),
    );
    await sql`select setval('cadre_units_id_seq', (select max(id) from cadre_units))`.execute(trx);
    await insertJson(
      trx,
      'cadre_posts',
      POST_COLS,
      units.flatMap((u) =>
        u.posts.map((p) => ({
          id: p.id,
          unit_id: u.id,
          title: p.title,
          level: p.level,
          principal: p.principal,
          line: p.line,
          elected: p.elected,
          probation_kind: p.probationKind,
          quota: p.quota,
          sort: p.sort,
        })),
      ),
    );
    await sql`select setval('cadre_posts_id_seq', (select max(id) from cadre_posts))`.execute(trx);

    const cadreRows = planned.map((c) => {
      const d = c.draft;
      const current = d.appointments[d.appointments.length - 1];
      const rank = d.ranks[d.ranks.length - 1];
      let identity: Record<string, unknown> = {};
      if (!c.person.memberId) {
        const area = AREA_CODES[c.id % AREA_CODES.length];
        const key = area + c.person.birth;
        const seq = idSeqs.get(key) ?? 0;
        idSeqs.set(key, seq + 1);
        const idNo = idNumberFor(area, c.person.birth, seq, c.person.sex);
        identity = {
          id_cipher: crypto.encrypt(idNo),
          id_hash: crypto.hash(idNo),
          id_masked: maskIdNumber(idNo),
          ethnicity: c.nonMember!.ethnicity,
          political: c.nonMember!.political,
          party_name: c.nonMember!.partyName,
        };
      }
      return {
        id: c.id,
        manager_org_id: c.slot.unit.area.managerOrgId,
        member_id: c.person.memberId,
        user_id: c.id === demoCadreId ? (cadreUser?.id ?? null) : null,
        name: c.person.name,
        sex: c.person.sex,
        birth: c.person.birth,
        ethnicity: '汉族',
        political: '中共党员',
        party_name: '',
        // A member's keys come from the member record (trigger); the same pinyin in any case.
        name_initials: pinyinInitials(c.person.name),
        sort_key: pinyinSortKey(c.person.name),
        ...identity,
        native_place: c.slot.unit.area.prefix.slice(0, 3),
        birth_place: c.slot.unit.area.prefix.slice(0, 3),
        work_start: d.workStart,
        health: '健康',
        pro_title: d.proTitle,
        expertise: d.expertise,
        edu_full_time: d.eduFullTime,
        edu_in_service: d.eduInService,
        edu_rank: d.eduRank,
        background: d.background,
        resume: d.resume,
        grassroots_months: d.grassrootsMonths,
        rank_title: rank.title,
        level: current.level,
        current_unit_id: current.unitId,
        current_title: current.title,
        current_since: current.decidedOn,
        photo: c.photo === null ? null : placeholderPhoto(c.photo).toString('base64'),
        photo_mime: c.photo === null ? null : PHOTO_MIME,
      };
    });
    await insertJson(trx, 'cadres', CADRE_COLS, cadreRows);
    await sql`select setval('cadres_id_seq', (select max(id) from cadres))`.execute(trx);

    await insertJson(
      trx,
      'cadre_appointments',
      APPOINTMENT_COLS,
      planned.flatMap((c) =>
        c.draft.appointments.map((a, i) => ({
          cadre_id: c.id,
          post_id: a.postId,
          unit_id: a.unitId,
          title: a.title,
          level: a.level,
          principal: a.principal,
          decided_on: a.decidedOn,
          doc_no: a.docNo,
          probation_until: a.probationUntil,
          ended_on: a.endedOn,
          end_doc_no: a.endDocNo,
          end_reason: a.endReason,
          sort: i + 1,
        })),
      ),
    );
    await insertJson(
      trx,
      'cadre_ranks',
      RANK_COLS,
      planned.flatMap((c) =>
        c.draft.ranks.map((r) => ({
          cadre_id: c.id,
          title: r.title,
          level: r.level,
          decided_on: r.decidedOn,
          doc_no: r.docNo,
          ended_on: r.endedOn,
        })),
      ),
    );
    await insertJson(
      trx,
      'cadre_rewards',
      REWARD_COLS,
      planned.flatMap((c) =>
        c.draft.rewards.map((r, i) => ({
          cadre_id: c.id,
          kind: r.kind,
          on_date: r.onDate,
          text: r.text,
          on_form: r.onForm,
          until: r.until,
          sort: i + 1,
        })),
      ),
    );
    await insertJson(trx, 'cadre_assessments', ASSESSMENT_COLS, assessments);
    await insertJson(
      trx,
      'cadre_family',
      FAMILY_COLS,
      planned.flatMap((c) =>
        c.draft.family.map((f, i) => ({
          cadre_id: c.id,
          sort: i + 1,
          relation: f.relation,
          name: f.name,
          birth: f.birth,
          political: f.political,
          work_post: f.workPost,
          deceased: f.deceased,
          abroad_country: f.abroadCountry,
          abroad_status: f.abroadStatus,
          relative_cadre_id: (f.relation === '妻子' || f.relation === '丈夫') && relatives.has(c.id) ? relatives.get(c.id)! : null,
        })),
      ),
    );
    const joined = new Map(members.map((m) => [m.id, m.joined]));
    await insertJson(trx, 'cadre_reviews', REVIEW_COLS, drawReviews(rng, planned, officers, districtAreas, asOf, joined));
    await insertJson(trx, 'cadre_teams', TEAM_COLS, drawTeams(rng, units, asOf));

    if (cadreUser && demoCadreId !== null && demoCadreMember) {
      const me = planned.find((c) => c.id === demoCadreId)!;
      const officer = officers.get('cadre-officer-district') ?? officers.get('cadre-officer') ?? null;
      await insertJson(trx, 'cadre_corrections', CORRECTION_COLS, demoCorrections(me, cadreUser.id, officer?.id ?? null, asOf));
      // The account's name is its member's (demo-accounts.ts picks it by name; one of working age is chosen here).
      await trx
        .updateTable('users')
        .set({ display_name: demoCadreMember.name, member_id: cadreUser.member_id ?? demoCadreMember.id })
        .where('id', '=', cadreUser.id)
        .execute();
    }
  });

  return {
    units: units.length,
    posts: units.reduce((s, u) => s + u.posts.length, 0),
    cadres: planned.length,
    cityManaged: planned.filter((c) => c.slot.unit.area.district === null).length,
    memberLinked: planned.filter((c) => c.person.memberId !== null).length,
    ms: Math.round(performance.now() - started),
  };
}

async function nextId(db: Db, table: 'cadre_units' | 'cadre_posts' | 'cadres'): Promise<number> {
  const r = await sql<{ n: number }>`select coalesce(max(id), 0)::int + 1 as n from ${sql.table(table)}`.execute(db);
  return r.rows[0].n;
}

/** When the current post began: mostly within the last six years; elected posts mostly at the last 换届. */
function sinceMonth(rng: Rng, slot: Slot, asOf: string): Month {
  const now = monthOf(asOf);
  if (slot.post?.elected && rng.chance(0.55)) return monthOf(slot.unit.kind === '乡镇街道' ? '2021-08' : '2021-10') + rng.int(0, 3);
  const r = rng.next();
  return now - (r < 0.2 ? rng.int(1, 11) : r < 0.6 ? rng.int(12, 35) : r < 0.93 ? rng.int(36, 71) : rng.int(72, 108));
}

function drawPerson(rng: Rng, birthYear: number): Person {
  const sex: Sex = rng.chance(0.75) ? '男' : '女';
  const birth = `${birthYear}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  return { name: personName(rng, sex), sex, birth, memberId: null };
}

const PARTIES: readonly [string, string, number][] = [
  ['民盟盟员', '民盟', 3],
  ['民进会员', '民进', 2],
  ['九三学社社员', '九三学社', 2],
  ['民建会员', '民建', 2],
  ['农工党党员', '农工党', 1.5],
  ['民革党员', '民革', 1],
  ['致公党党员', '致公党', 0.5],
  ['无党派人士', '', 4],
];
function drawAffiliation(rng: Rng): { political: string; partyName: string; ethnicity: string } {
  const [political, partyName] = rng.weighted(PARTIES, ([, , w]) => w);
  return { political, partyName, ethnicity: rng.chance(0.94) ? '汉族' : rng.pick(['回族', '满族', '蒙古族', '壮族']) };
}

/** Past the demo's units, 内设机构 (科室) with 科长 posts under every department until `target` cadres fit (the benchmark). */
function addSections(p: UnitPlanner, target: number): void {
  const quotaOf = (u: PlannedUnit) => u.posts.reduce((t, q) => t + q.quota, 0);
  // Slots come out about 3% above the quotas (posts over them) and ranks without posts add a few more.
  let seats = p.units.reduce((s, u) => s + quotaOf(u), 0) * 1.03;
  const departments = p.units.filter((u) => u.kind === '政府部门' || u.kind === '党委工作部门' || u.kind === '事业单位');
  const names = [
    '办公室',
    '综合科',
    '政策法规科',
    '人事科',
    '财务科',
    '规划科',
    '督查科',
    '信息科',
    '审批科',
    '业务一科',
    '业务二科',
    '业务三科',
  ];
  for (let round = 0; seats < target && round < 500; round++) {
    const section = names[round] ?? `业务${chineseNumber(round - names.length + 4)}科`;
    const office = section.endsWith('室');
    for (const dept of departments) {
      if (seats >= target) break;
      const name = dept.name.replace(/^中共/, '') + section;
      const level: Level = dept.level === '正处' ? '正科' : '副科';
      const unit = p.add(
        dept.area,
        { name, shortName: name.slice(dept.area.prefix.length), kind: '内设机构', level, parentId: dept.id },
        level === '正科'
          ? [
              [office ? '主任' : '科长', true, '行政', false, '内设机构领导', 1, true],
              [office ? '副主任' : '副科长', false, '行政', false, '内设机构领导', 2, false],
            ]
          : [[office ? '主任' : '股长', true, '行政', false, '内设机构领导', 1, true]],
        (t) => name + t,
      );
      seats += quotaOf(unit) * 1.03;
    }
  }
}

const REVIEW_SOURCES: Record<string, string> = {
  birth: '干部人事档案（出生日期以最早记载为准）、居民身份证',
  work_start: '招录（聘）审批表、首次工资审批表',
  party_join: '入党志愿书、转正申请及支部大会决议',
  education: '毕业证书、学位证书及学籍档案',
  work_history: '历次干部任免审批表及任职文件',
};

function drawReviews(
  rng: Rng,
  planned: PlannedCadre[],
  officers: Map<string, { id: number; display_name: string }>,
  districts: Area[],
  asOf: string,
  joined: Map<number, string | null>,
) {
  const rows: Record<string, unknown>[] = [];
  const city = officers.get('cadre-officer');
  const district = officers.get('cadre-officer-district');
  for (const c of planned) {
    if (!rng.chance(0.4)) continue;
    const d = c.slot.unit.area.district;
    const who = d === null ? city : d === 0 ? district : null;
    const reviewerName =
      who?.display_name ?? `${districts[d ?? 0]?.short ?? ''}委组织部干部股 ${personName(rng, rng.chance(0.5) ? '男' : '女')}`;
    const on = `${rng.pick(['2024', '2025', '2026'])}-${String(rng.int(1, 10)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    const reviewedOn = on > asOf ? asOf : on;
    const values: Record<string, string | null> = {
      birth: c.person.birth.slice(0, 7),
      work_start: c.draft.workStart,
      party_join: c.person.memberId ? (joined.get(c.person.memberId) ?? null) : null,
      education: `${c.draft.eduFullTime.level} ${c.draft.eduFullTime.degree}`.trim(),
      work_history: `${c.draft.resume.length}段经历，与任职文件一致`,
    };
    for (const [item, value] of Object.entries(values)) {
      if (value === null) continue;
      rows.push({
        cadre_id: c.id,
        item,
        value,
        source: REVIEW_SOURCES[item],
        reviewer_id: who?.id ?? null,
        reviewer_name: reviewerName,
        reviewed_on: reviewedOn,
      });
    }
  }
  return rows;
}

/** Every unit's team: five-year terms, some due within six months and a few overdue (应换届时间). */
function drawTeams(rng: Rng, units: PlannedUnit[], asOf: string) {
  const now = monthOf(asOf);
  return units.map((u) => {
    const elected = u.posts.some((p) => p.elected);
    const r = rng.next();
    // Elected teams mostly date from the 2021 换届; the others anywhere in their term, a few past it.
    const start =
      elected && r < 0.7
        ? monthOf('2021-09') + rng.int(0, 5)
        : r < 0.06
          ? now - 60 - rng.int(1, 12)
          : r < 0.14
            ? now - 60 + rng.int(0, 5)
            : now - rng.int(1, 54);
    const day = String(rng.int(1, 28)).padStart(2, '0');
    const started = `${ymOf(start)}-${day}`;
    return {
      unit_id: u.id,
      name: `${u.name.replace(/^中共/, '')}领导班子`,
      term_years: 5,
      term_started_on: started,
      renew_due_on: `${Number(started.slice(0, 4)) + 5}${started.slice(4)}`,
    };
  });
}

function demoCorrections(me: PlannedCadre, userId: number, officerId: number | null, asOf: string) {
  const at = (days: number) => new Date(Date.parse(`${asOf}T09:30:00+08:00`) - days * 86_400_000).toISOString();
  const spouse = me.draft.family.find((f) => f.relation === '妻子' || f.relation === '丈夫');
  return [
    {
      cadre_id: me.id,
      requested_by: userId,
      requested_at: at(40),
      section: 'basic',
      field: 'health',
      current_value: '健康',
      proposed_value: '良好',
      reason: '与体检报告的表述一致',
      status: 'refused',
      decided_by: officerId,
      decided_at: at(35),
      decision_note: '任免审批表健康状况一栏按“健康”填写',
    },
    {
      cadre_id: me.id,
      requested_by: userId,
      requested_at: at(20),
      section: 'family',
      field: 'work_post',
      current_value: spouse?.workPost ?? '',
      proposed_value: '示范市第二中学教师',
      reason: '配偶今年8月调动工作',
      status: 'approved',
      decided_by: officerId,
      decided_at: at(15),
      decision_note: '已核对调动文件',
    },
    {
      cadre_id: me.id,
      requested_by: userId,
      requested_at: at(3),
      section: 'basic',
      field: 'expertise',
      current_value: me.draft.expertise,
      proposed_value: '熟悉财政预算和国有资产管理工作',
      reason: '分管工作调整，熟悉专业有何专长需更新',
      status: 'pending',
      decided_by: null,
      decided_at: null,
      decision_note: null,
    },
  ];
}

// Columns of each table as jsonb_to_recordset reads them; `expr` converts what JSON cannot carry (bytea).
interface Col {
  name: string;
  type: string;
  expr?: string;
}
const cols = (spec: string): Col[] =>
  spec.split(',').map((s) => {
    const [name, type] = s.trim().split(/\s+/);
    return type === 'bytea' ? { name, type: 'text', expr: `decode(v.${name}, 'base64')` } : { name, type };
  });
const UNIT_COLS = cols(
  'id bigint, manager_org_id bigint, org_id bigint, name text, short_name text, kind text, level text, parent_unit_id bigint, sort int, name_initials text',
);
const POST_COLS = cols(
  'id bigint, unit_id bigint, title text, level text, principal boolean, line text, elected boolean, probation_kind text, quota int, sort int',
);
const CADRE_COLS = cols(
  'id bigint, manager_org_id bigint, member_id bigint, user_id bigint, name text, sex text, birth text, ethnicity text, id_cipher text, id_hash text, id_masked text, ' +
    'native_place text, birth_place text, political text, party_name text, work_start text, health text, pro_title text, expertise text, edu_full_time jsonb, ' +
    'edu_in_service jsonb, edu_rank smallint, background text, resume jsonb, grassroots_months int, rank_title text, level text, current_unit_id bigint, ' +
    'current_title text, current_since date, photo bytea, photo_mime text, name_initials text, sort_key text',
);
const APPOINTMENT_COLS = cols(
  'cadre_id bigint, post_id bigint, unit_id bigint, title text, level text, principal boolean, decided_on date, doc_no text, probation_until date, ended_on date, end_doc_no text, end_reason text, sort int',
);
const RANK_COLS = cols('cadre_id bigint, title text, level text, decided_on date, doc_no text, ended_on date');
const REWARD_COLS = cols('cadre_id bigint, kind text, on_date date, text text, on_form boolean, until date, sort int');
const ASSESSMENT_COLS = cols('cadre_id bigint, year int, grade text, note text');
const FAMILY_COLS = cols(
  'cadre_id bigint, sort int, relation text, name text, birth text, political text, work_post text, deceased boolean, abroad_country text, abroad_status text, relative_cadre_id bigint',
);
const REVIEW_COLS = cols('cadre_id bigint, item text, value text, source text, reviewer_id bigint, reviewer_name text, reviewed_on date');
const TEAM_COLS = cols('unit_id bigint, name text, term_years int, term_started_on date, renew_due_on date');
const CORRECTION_COLS = cols(
  'cadre_id bigint, requested_by bigint, requested_at timestamptz, section text, field text, current_value text, proposed_value text, reason text, status text, decided_by bigint, decided_at timestamptz, decision_note text',
);

/** Rows in batches of one JSON parameter each (far cheaper to parse than thousands of bound values); big tables as a bulk load. */
async function insertJson(trx: Trx, table: string, columns: Col[], rows: readonly Record<string, unknown>[]): Promise<void> {
  const names = sql.join(columns.map((c) => sql.ref(c.name)));
  const values: RawBuilder<unknown>[] = columns.map((c) => (c.expr ? sql.raw(c.expr) : sql.ref(`v.${c.name}`)));
  const shape = sql.raw(columns.map((c) => `${c.name} ${c.type}`).join(', '));
  const load = async () => {
    for (let i = 0; i < rows.length; i += BATCH) {
      await sql`insert into ${sql.table(table)} (${names}) select ${sql.join(values)}
        from jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + BATCH))}::jsonb) as v(${shape})`.execute(trx);
    }
  };
  if (rows.length > BULK) await withBulkLoad(trx, table, load);
  else await load();
}
