// The young-cadre pool (优秀年轻干部库, RULES.md §7: 到龄 "drives ... the young-cadre pool"). No national rule fixes
// the age limits: the 干部任用条例 (第三条) only asks to 注重培养选拔优秀年轻干部, and provinces and cities set
// their own lines. The defaults below are one common local pattern (L) and are settings, kept as versioned data.
import dayjs from 'dayjs';
import type { AnnualGrade } from './assessment';
import { SANCTION_BARS, type SanctionKind } from './cadre-eligibility';
import type { CadreLevel } from './cadre-levels';
import { ageOn } from './cadre-age';
import { checkedDay } from './working-days';

export interface PoolCriteria {
  version: string;
  effectiveFrom: string;
  source: string;
  /** The oldest age, in completed years, at which a cadre of each level still enters the pool ("X 岁以下" includes X). */
  maxAge: Record<CadreLevel, number | null>;
  /** Years of annual assessment looked at; a 基本称职 or 不称职 among them keeps the cadre out. */
  gradeYears: number;
}

export const POOL_CRITERIA_DEFAULT: PoolCriteria = {
  version: 'local-default',
  effectiveFrom: '2019-01-01',
  source: '本地工作要求（各地自行确定年龄界限）',
  maxAge: { 正部: null, 副部: null, 正厅: 50, 副厅: 45, 正处: 45, 副处: 40, 正科: 35, 副科: 32 },
  gradeYears: 3,
};

export interface PoolCandidate {
  /** YYYY-MM or YYYY-MM-DD: only the month counts. */
  birth: string;
  level: CadreLevel;
  grades: Readonly<Record<number, AnnualGrade>>;
  sanctions: readonly { kind: SanctionKind; on: string }[];
}

/** Age on a date as the 任免审批表 and the cadre search count it (by month, cadre-age.ts): one person, one age. */
export const poolAge = (birth: string, onDate: string): number => {
  checkedDay(onDate);
  const age = ageOn(birth, onDate);
  if (age === null) throw new RangeError(`出生年月“${birth}”无效或晚于 ${onDate}`);
  return age;
};

/** Whether a cadre may be in the young-cadre pool on `onDate`, with the reasons against in Chinese. */
export function poolEligible(
  c: PoolCandidate,
  onDate: string,
  criteria: PoolCriteria = POOL_CRITERIA_DEFAULT,
): { ok: boolean; reasons: string[] } {
  const reasons: string[] = [];
  const limit = criteria.maxAge[c.level];
  const age = poolAge(c.birth, onDate);
  if (limit === null) reasons.push(`${c.level}不纳入优秀年轻干部库（${criteria.source}）`);
  else if (age > limit) reasons.push(`${age} 岁，${c.level}年轻干部一般为 ${limit} 岁以下（${criteria.source}）`);
  const year = checkedDay(onDate).year();
  for (let y = year - criteria.gradeYears; y < year; y += 1) {
    const g = c.grades[y];
    if (g === '基本称职' || g === '不称职') reasons.push(`${y} 年度考核为${g}（${criteria.source}）`);
  }
  for (const s of c.sanctions) {
    const bar = SANCTION_BARS[s.kind];
    const until = dayjs(s.on).add(bar.months, 'month').format('YYYY-MM-DD');
    if (s.on <= onDate && onDate < until) reasons.push(`${s.on} 受${s.kind}，影响期至 ${until}（${bar.article}）`);
  }
  return { ok: reasons.length === 0, reasons };
}
