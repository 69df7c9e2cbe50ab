// The units of the demo city whose leadership posts the organization departments manage, with their
// posts and approved counts (职数), planned in memory before anything is written. "下管一级": the city
// manages the leaders of its own departments (正处 heads, 副处 deputies) and the four leadership
// teams of every district (区委区政府, 人大, 政协: 正处/副处); a district manages its departments and its
// 乡镇/街道 (正科/副科). Names are built from the demo city's own place names (示范市, 东城区, 石桥街道).
import type { Level, UnitKind } from '../../../../domain/cadre-codes.js';
import {
  CITY_INSTITUTIONS,
  CITY_SOES,
  DEPARTMENTS,
  DEPUTY_PROBATION,
  DISTRICT_INSTITUTIONS,
  DISTRICT_SOES,
  deputies,
  head,
  type PostSpec,
} from './unit-tables.js';

export interface Area {
  /** 'city' or the index of the district in the city. */
  district: number | null;
  /** The organization whose organization department manages the unit (the city's or the district's node). */
  managerOrgId: number;
  /** 示范市 or 示范市东城区: the prefix of unit names. */
  prefix: string;
  /** 市 or 东城区: the prefix of short names. */
  short: string;
  /** The character a document number starts with: 示组干〔2023〕12号, 东组干〔2023〕5号. */
  abbr: string;
}

export interface PlannedPost {
  id: number;
  unitId: number;
  title: string;
  /** As printed in a 简历 or 现任职务: 示范市东城区财政局局长. */
  fullTitle: string;
  level: Level;
  principal: boolean;
  line: string;
  elected: boolean;
  probationKind: string | null;
  quota: number;
  sort: number;
}

export interface PlannedUnit {
  id: number;
  area: Area;
  name: string;
  shortName: string;
  kind: UnitKind;
  level: Level;
  parentId: number | null;
  sort: number;
  /** The prefix of its Party organizations' names in the tree (示范市财政局机关), to find org_id. */
  orgKey: string | null;
  /** Set when the unit is a district or township whose organization is known directly. */
  orgId: number | null;
  /** A 乡镇/街道 or a district leadership team: where grassroots years are spent. */
  grassroots: boolean;
  posts: PlannedPost[];
}

/** [title, principal, line, elected, probation kind, quota, top level (true) or deputy level (false)] */
const LOWER: Record<string, Level> = { 正处: '副处', 正科: '副科' };

/** Hands out ids and sort numbers as units and posts are planned; ids start after what the tables hold. */
export class UnitPlanner {
  readonly units: PlannedUnit[] = [];
  private postId: number;
  private unitId: number;

  constructor(firstUnitId: number, firstPostId: number) {
    this.unitId = firstUnitId;
    this.postId = firstPostId;
  }

  add(
    area: Area,
    u: {
      name: string;
      shortName: string;
      kind: UnitKind;
      level: Level;
      parentId?: number | null;
      orgKey?: string | null;
      orgId?: number | null;
      grassroots?: boolean;
    },
    specs: PostSpec[],
    fullTitle: (title: string) => string,
  ): PlannedUnit {
    const unit: PlannedUnit = {
      id: this.unitId++,
      area,
      name: u.name,
      shortName: u.shortName,
      kind: u.kind,
      level: u.level,
      parentId: u.parentId ?? null,
      sort: this.units.filter((x) => x.area === area).length + 1,
      orgKey: u.orgKey ?? null,
      orgId: u.orgId ?? null,
      grassroots: u.grassroots ?? false,
      posts: [],
    };
    specs.forEach(([title, principal, line, elected, probationKind, quota, top], i) =>
      unit.posts.push({
        id: this.postId++,
        unitId: unit.id,
        title,
        fullTitle: fullTitle(title),
        level: top ? u.level : LOWER[u.level],
        principal,
        line,
        elected,
        probationKind,
        quota,
        sort: i + 1,
      }),
    );
    this.units.push(unit);
    return unit;
  }
}

/** The name a 简历 line gives a unit: without 中共 (示范市委组织部). */
const resumeName = (name: string) => name.replace(/^中共/, '');

/** The city's own units: 党委工作部门, 政府部门, 人大/政协机关, 纪委监委, 法院检察院, 群团, 事业单位, 国有企业 (all 正处). */
export function planCityUnits(p: UnitPlanner, area: Area, cityStem: string): void {
  const city = area.prefix;
  for (const d of DEPARTMENTS) {
    const name = d.fullName ? d.fullName(city) : city + d.name;
    const orgKey = city + (d.name.endsWith('机关') ? d.name : d.name + '机关');
    p.add(
      area,
      { name, shortName: d.shortName ? d.shortName('市') : '市' + d.name, kind: d.kind, level: '正处', orgKey },
      d.posts(true),
      (t) => resumeName(name) + t,
    );
  }
  for (const [body, kind, line] of [
    ['人大常委会', '人大机关', '人大'],
    ['政协', '政协机关', '政协'],
  ] as const) {
    const name = `${city}${body}机关`;
    p.add(
      area,
      { name, shortName: `市${body}机关`, kind, level: '正处', orgKey: name },
      [head('秘书长', line), deputies('副秘书长', 3, line, null)],
      (t) => `${city}${body}${t}`,
    );
  }
  for (const [inst, h, d] of CITY_INSTITUTIONS) {
    const name = city + inst;
    const posts = inst.endsWith('医院')
      ? [head('党委书记', '党委'), head(h), deputies(d, 3, '行政', null)]
      : [head(h), deputies(d, 2, '行政', null)];
    p.add(area, { name, shortName: '市' + inst, kind: '事业单位', level: '正处', orgKey: name }, posts, (t) => name + t);
  }
  const college = `${cityStem}职业技术学院`;
  p.add(
    area,
    { name: college, shortName: college, kind: '事业单位', level: '正处', orgKey: college },
    [head('党委书记', '党委'), head('院长'), deputies('副院长', 3, '行政', null)],
    (t) => college + t,
  );
  for (const soe of CITY_SOES) {
    const name = city + soe;
    p.add(
      area,
      { name, shortName: '市' + soe.replace(/有限公司$/, ''), kind: '国有企业', level: '正处', orgKey: name },
      [
        head('党委书记、董事长', '其他'),
        head('党委副书记、总经理', '其他'),
        deputies('副总经理', 3, '其他', null),
        deputies('纪委书记', 1, '纪委', null),
      ],
      (t) => name + t,
    );
  }
}

/**
 * A district's or county's four leadership teams, managed by the city: the 区委 and 区政府 as one
 * team (书记, 区长, 副书记, 常委, 副区长), the 人大常委会 and the 政协 (正处 heads, 副处 deputies).
 * Returns the 区委区政府 unit, the parent of the district's departments and townships.
 */
export function planDistrictTeams(p: UnitPlanner, cityArea: Area, district: Area, districtOrgId: number, rank: number): PlannedUnit {
  const d = district.short; // 东城区
  const mark = d.slice(-1); // 区 or 县
  const full = district.prefix; // 示范市东城区
  const top = p.add(
    cityArea,
    {
      name: `中共${full}委员会、${full}人民政府`,
      shortName: `${d}委、${d}政府`,
      kind: '党委政府',
      level: '正处',
      orgId: districtOrgId,
      grassroots: true,
    },
    [
      [`${mark}委书记`, true, '党委', true, null, 1, true],
      [`${mark}委副书记、${mark}长`, true, '行政', true, null, 1, true],
      [`${mark}委副书记`, false, '党委', true, null, 1, false],
      [`${mark}委常委`, false, '党委', true, null, 7, false],
      [`副${mark}长`, false, '行政', true, null, rank === 0 ? 6 : 5, false],
    ],
    // 区委书记 → 示范市东城区委书记, 副区长 → 示范市东城区副区长
    (t) => full + (t.startsWith(mark) ? t.slice(1) : t),
  );
  p.add(
    cityArea,
    { name: `${full}人大常委会`, shortName: `${d}人大常委会`, kind: '人大机关', level: '正处', orgKey: `${full}人大常委会机关` },
    [
      ['主任', true, '人大', true, null, 1, true],
      ['副主任', false, '人大', true, null, 4, false],
    ],
    (t) => `${full}人大常委会${t}`,
  );
  p.add(
    cityArea,
    { name: `政协${full}委员会`, shortName: `${d}政协`, kind: '政协机关', level: '正处', orgKey: `${full}政协机关` },
    [
      ['主席', true, '政协', true, null, 1, true],
      ['副主席', false, '政协', true, null, 4, false],
    ],
    (t) => `政协${full}委员会${t}`,
  );
  return top;
}

/** A district's own departments (正科 heads, 副科 deputies), managed by the district. */
export function planDistrictDepartments(p: UnitPlanner, area: Area, parentId: number, extra: ReadonlySet<string>, take: number): void {
  const full = area.prefix;
  // The core departments every district has, then as many others as `take` allows, in catalog order.
  const others = DEPARTMENTS.filter((d) => !d.core);
  const chosen = new Set([...DEPARTMENTS.filter((d) => d.core), ...others.slice(0, take), ...others.filter((d) => extra.has(d.name))]);
  for (const d of DEPARTMENTS) {
    if (!chosen.has(d)) continue;
    const name = d.fullName ? d.fullName(full) : full + d.name;
    const orgKey = full + (d.name.endsWith('机关') ? d.name : d.name + '机关');
    p.add(
      area,
      {
        name,
        shortName: d.shortName ? d.shortName(area.short) : area.short + d.name,
        kind: d.kind,
        level: '正科',
        parentId,
        orgKey,
      },
      d.posts(false),
      (t) => resumeName(name) + t,
    );
  }
  for (const [inst, h, dep] of DISTRICT_INSTITUTIONS) {
    const name = full + inst;
    p.add(
      area,
      { name, shortName: area.short + inst, kind: '事业单位', level: '正科', parentId, orgKey: name },
      [head(h), deputies(dep, 2, '行政', null)],
      (t) => name + t,
    );
  }
  for (const soe of DISTRICT_SOES) {
    const name = full + soe;
    p.add(
      area,
      { name, shortName: area.short + soe.replace(/有限公司$/, ''), kind: '国有企业', level: '正科', parentId, orgKey: name },
      [head('董事长', '其他'), head('总经理', '其他'), deputies('副总经理', 2, '其他', null)],
      (t) => name + t,
    );
  }
}

/** A 乡, 镇 or 街道 (正科 heads, 副科 deputies; the 乡镇's posts are elected, the 街道 is the district's 派出机关). */
export function planTownship(p: UnitPlanner, area: Area, parentId: number, word: string, type: '街道' | '镇' | '乡', orgId: number): void {
  const name = `${area.prefix}${word}`;
  const specs: PostSpec[] =
    type === '街道'
      ? [
          ['党工委书记', true, '党委', false, null, 1, true],
          ['党工委副书记、办事处主任', true, '行政', false, null, 1, true],
          ['人大工委主任', false, '人大', false, null, 1, true],
          ['党工委副书记', false, '党委', false, null, 1, false],
          ['纪工委书记', false, '纪委', false, null, 1, false],
          ['党工委委员、办事处副主任', false, '行政', false, DEPUTY_PROBATION, 3, false],
          ['党工委委员', false, '党委', false, null, 2, false],
        ]
      : [
          ['党委书记', true, '党委', true, null, 1, true],
          [`党委副书记、${type}长`, true, '行政', true, null, 1, true],
          ['人大主席', false, '人大', true, null, 1, true],
          ['党委副书记', false, '党委', true, null, 1, false],
          ['纪委书记', false, '纪委', true, null, 1, false],
          [`党委委员、副${type}长`, false, '行政', true, null, 3, false],
          ['党委委员、组织委员', false, '党委', true, null, 1, false],
          ['党委委员、宣传委员', false, '党委', true, null, 1, false],
          ['党委委员、武装部部长', false, '其他', true, null, 1, false],
        ];
  p.add(area, { name, shortName: word, kind: '乡镇街道', level: '正科', parentId, orgId, grassroots: true }, specs, (t) => name + t);
}
