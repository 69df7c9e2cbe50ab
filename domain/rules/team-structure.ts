// The structure of a leadership team (班子结构): age bands, sex, ethnicity, political affiliation,
// education, degree, professional background and years in post (issue 12 point 5), and the structure
// requirements as versioned data with an effective date, each tagged with how sure we are of it:
// V verified in the source named, R reported (the source is named but its current wording was not
// checked), L local or common practice (no national number: a city edits it).
import dayjs from 'dayjs';
import { EDUCATION_RANKS, type UnitKind } from '../cadre-codes';

/** One member of a team (or of any set of teams) as the structure analysis needs them. */
export interface StructurePerson {
  sex: string;
  /** 'YYYY-MM' or 'YYYY-MM-DD' as the file gives it. */
  birth: string | null;
  ethnicity: string;
  political: string;
  eduRank: number | null;
  /** The degree texts of both education rows (学位). */
  degrees: string[];
  background: string;
  /** 任职时间 of the current post (the decision date, RULES.md §7). */
  since: string | null;
}

export const STRUCTURE_DIMS = ['age', 'sex', 'ethnicity', 'political', 'education', 'degree', 'background', 'yearsInPost'] as const;
export type StructureDim = (typeof STRUCTURE_DIMS)[number];

/** The values of each dimension in display order; '' (not recorded) comes last when present. */
export const DIM_VALUES: Record<StructureDim, readonly string[]> = {
  age: ['35岁及以下', '36-40岁', '41-45岁', '46-50岁', '51-55岁', '56岁及以上'],
  sex: ['男', '女'],
  ethnicity: ['汉族', '少数民族'],
  political: ['中共党员', '民主党派', '无党派人士', '群众'],
  education: EDUCATION_RANKS.map((e) => e.label),
  degree: ['博士', '硕士', '学士', '无学位'],
  background: ['党务', '经济', '法律', '理工', '农业', '文教卫', '管理', '其他'],
  yearsInPost: ['不满1年', '1-3年', '3-5年', '5-10年', '10年及以上'],
};

const DEMOCRATIC_PARTIES = ['民革', '民盟', '民建', '民进', '农工', '致公', '九三', '台盟'];

/** A partial birth date as a day: 'YYYY-MM' counts from the first of the month, as the form's ages do. */
const asDay = (d: string) => (d.length === 7 ? `${d}-01` : d.slice(0, 10));

/** Age in full years on a date; null without a birth date. */
export function cadreAge(birth: string | null, onDate: string): number | null {
  if (!birth || !/^\d{4}-\d{2}/.test(birth)) return null;
  return dayjs(onDate).diff(dayjs(asDay(birth)), 'year');
}

/** Full years in post on a date (任职时间 counts from the decision date, RULES.md §7). */
export function yearsInPost(since: string | null, onDate: string): number | null {
  if (!since) return null;
  return Math.max(0, dayjs(onDate).diff(dayjs(since), 'year', true));
}

export function ageBand(age: number | null): string {
  if (age === null) return '';
  if (age <= 35) return '35岁及以下';
  if (age >= 56) return '56岁及以上';
  const lo = Math.floor((age - 36) / 5) * 5 + 36;
  return `${lo}-${lo + 4}岁`;
}

export function politicalGroup(p: string): string {
  if (!p) return '';
  if (p.startsWith('中共')) return '中共党员';
  if (DEMOCRATIC_PARTIES.some((d) => p.startsWith(d))) return '民主党派';
  if (p.startsWith('无党派')) return '无党派人士';
  return '群众';
}

export const isCpc = (p: string) => p.startsWith('中共');

function degreeOf(degrees: string[]): string {
  const all = degrees.join(' ');
  for (const d of ['博士', '硕士', '学士']) if (all.includes(d)) return d;
  return '无学位';
}

function postBand(y: number | null): string {
  if (y === null) return '';
  if (y < 1) return '不满1年';
  if (y < 3) return '1-3年';
  if (y < 5) return '3-5年';
  if (y < 10) return '5-10年';
  return '10年及以上';
}

/** The value a person takes in a dimension on a date ('' = not recorded). */
export function valueOf(p: StructurePerson, dim: StructureDim, onDate: string): string {
  switch (dim) {
    case 'age':
      return ageBand(cadreAge(p.birth, onDate));
    case 'sex':
      return p.sex === '男' || p.sex === '女' ? p.sex : '';
    case 'ethnicity':
      return p.ethnicity ? (p.ethnicity === '汉族' ? '汉族' : '少数民族') : '';
    case 'political':
      return politicalGroup(p.political);
    case 'education':
      return EDUCATION_RANKS.find((e) => e.rank === p.eduRank)?.label ?? '';
    case 'degree':
      return degreeOf(p.degrees);
    case 'background':
      return DIM_VALUES.background.includes(p.background) ? p.background : p.background ? '其他' : '';
    case 'yearsInPost':
      return postBand(yearsInPost(p.since, onDate));
  }
}

/**
 * valueOf for one dimension over many people: the two date dimensions depend on one field each and cost a
 * date difference, so they are remembered by that field (60,000 cadres hold a few thousand distinct dates).
 */
export function valuerOf(dim: StructureDim, onDate: string): (p: StructurePerson) => string {
  const field = dim === 'age' ? 'birth' : dim === 'yearsInPost' ? 'since' : null;
  if (!field) return (p) => valueOf(p, dim, onDate);
  const memo = new Map<string | null, string>();
  return (p) => {
    let v = memo.get(p[field]);
    if (v === undefined) memo.set(p[field], (v = valueOf(p, dim, onDate)));
    return v;
  };
}

export interface DimCount {
  value: string;
  n: number;
  /** n / total, rounded to 0.1 %. */
  share: number;
}

/** Counts and shares of every dimension over a set of people. */
export function structureOf(people: readonly StructurePerson[], onDate: string): Record<StructureDim, DimCount[]> {
  const total = people.length;
  const out = {} as Record<StructureDim, DimCount[]>;
  for (const dim of STRUCTURE_DIMS) {
    const counts = new Map<string, number>();
    const value = valuerOf(dim, onDate);
    for (const p of people) {
      const v = value(p);
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const values = [...DIM_VALUES[dim], ...(counts.has('') ? [''] : [])];
    out[dim] = values.map((value) => {
      const n = counts.get(value) ?? 0;
      return { value, n, share: total ? Math.round((n / total) * 1000) / 10 : 0 };
    });
  }
  return out;
}

// ---- Structure requirements (versioned data) ----

export type RequirementBasis = 'V' | 'R' | 'L';

export type RequirementCheck =
  | { kind: 'minWomen'; min: number }
  | { kind: 'minAtMostAge'; age: number; min: number }
  | { kind: 'minNonCpc'; min: number }
  | { kind: 'minShareBackground'; share: number };

export interface StructureRequirement {
  id: string;
  /** The teams it applies to (unit kinds); all when absent. */
  unitKinds?: readonly UnitKind[];
  check: RequirementCheck;
  title: string;
  basis: RequirementBasis;
  source: string;
}

export interface RequirementSet {
  version: string;
  /** First day the set applies to. */
  effectiveFrom: string;
  title: string;
  requirements: readonly StructureRequirement[];
}

const GANGYAO = '《中国妇女发展纲要（2021—2030年）》（国发〔2021〕16号）“妇女与参与决策和管理”';

export const TEAM_STRUCTURE_2021: RequirementSet = {
  version: '2021',
  effectiveFrom: '2021-09-08',
  title: '领导班子结构要求（2021 年起）',
  requirements: [
    {
      id: 'woman',
      unitKinds: ['党委政府', '人大机关', '政协机关'],
      check: { kind: 'minWomen', min: 1 },
      title: '党委、人大、政府、政协领导班子中至少配备 1 名女干部',
      // The 2001–2010 纲要 said 各级人大、政协和人民政府领导成员中都要有1名以上的女性; the 2021–2030 纲要
      // keeps a women-in-leadership-teams target: its current wording was not checked here.
      basis: 'R',
      source: GANGYAO,
    },
    {
      id: 'young',
      unitKinds: ['党委政府'],
      check: { kind: 'minAtMostAge', age: 40, min: 1 },
      title: '区县党政领导班子中至少配备 1 名 40 岁以下（含）的年轻干部',
      basis: 'L',
      source: '年轻干部配备的通行做法（各地文件表述不一，按本地要求调整）',
    },
    {
      id: 'young_township',
      unitKinds: ['乡镇街道'],
      check: { kind: 'minAtMostAge', age: 35, min: 1 },
      title: '乡镇（街道）领导班子中至少配备 1 名 35 岁以下（含）的干部',
      basis: 'L',
      source: '年轻干部配备的通行做法（按本地要求调整）',
    },
    {
      id: 'non_cpc',
      unitKinds: ['党委政府', '人大机关', '政协机关'],
      check: { kind: 'minNonCpc', min: 1 },
      title: '人大、政府、政协领导班子中配备党外干部',
      basis: 'L',
      source: '党外干部配备的通行做法（按本地要求调整）',
    },
    {
      id: 'expertise',
      check: { kind: 'minShareBackground', share: 0.5 },
      title: '具有与岗位相关专业背景的成员不少于一半',
      basis: 'L',
      source: '班子专业化配备的通行做法（比例为本地设定）',
    },
  ],
};

export const TEAM_STRUCTURE_SETS: readonly RequirementSet[] = [TEAM_STRUCTURE_2021];

/** The set in force on a date: the latest whose effectiveFrom is not after it (the oldest before all). */
export function requirementSetOn(date: string, sets: readonly RequirementSet[] = TEAM_STRUCTURE_SETS): RequirementSet {
  let best: RequirementSet | undefined;
  for (const s of sets) if (s.effectiveFrom <= date && (!best || s.effectiveFrom > best.effectiveFrom)) best = s;
  return best ?? [...sets].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0];
}

export interface TeamForCheck {
  unitKind: string;
  members: readonly StructurePerson[];
}

export interface Finding {
  requirementId: string;
  title: string;
  ok: boolean;
  /** Why it falls short (or what satisfies it), in Chinese for the officer. */
  reason: string;
  basis: RequirementBasis;
  source: string;
}

/** Checks a team against every requirement of the set that applies to its unit kind; an empty team is not checked. */
export function checkTeam(team: TeamForCheck, set: RequirementSet, onDate: string): Finding[] {
  if (team.members.length === 0) return [];
  const applies = (r: StructureRequirement) => !r.unitKinds || (r.unitKinds as readonly string[]).includes(team.unitKind);
  return set.requirements.filter(applies).map((r) => {
    const [ok, reason] = judge(r.check, team.members, onDate);
    return { requirementId: r.id, title: r.title, ok, reason, basis: r.basis, source: r.source };
  });
}

function judge(c: RequirementCheck, members: readonly StructurePerson[], onDate: string): [boolean, string] {
  switch (c.kind) {
    case 'minWomen': {
      const n = members.filter((m) => m.sex === '女').length;
      return [n >= c.min, `女干部 ${n} 名，要求至少 ${c.min} 名`];
    }
    case 'minAtMostAge': {
      const n = members.filter((m) => {
        const a = cadreAge(m.birth, onDate);
        return a !== null && a <= c.age;
      }).length;
      return [n >= c.min, `${c.age} 岁及以下干部 ${n} 名，要求至少 ${c.min} 名（${onDate} 计算）`];
    }
    case 'minNonCpc': {
      const n = members.filter((m) => m.political !== '' && !isCpc(m.political)).length;
      return [n >= c.min, `党外干部 ${n} 名，要求至少 ${c.min} 名`];
    }
    case 'minShareBackground': {
      const n = members.filter((m) => m.background !== '' && m.background !== '其他').length;
      const need = Math.ceil(members.length * c.share);
      return [n >= need, `具有专业背景 ${n} / ${members.length} 名，要求不少于 ${need} 名（${Math.round(c.share * 100)}%）`];
    }
  }
}
