// 到龄: the statutory retirement age under the gradual reform (RULES.md §7 tags it R; checked against the text).
// 全国人民代表大会常务委员会《关于实施渐进式延迟法定退休年龄的决定》(2024-09-13), 附件《国务院关于渐进式延迟法定
// 退休年龄的办法》第二条: from 2025-01-01 the age of men (60) and of women with a base of 55 rises by 1 month for
// every 4 months, up to 63 and 58; women with a base of 50 by 1 month for every 2 months, up to 55. The 办法's table
// (对照表) follows from it: a man born 1965-01 retires at 60 years 1 month in 2025-02; born 1976-09 or later, at 63.
// The formula is data with an effective date, so a later change is a new rule set, not new code.
import dayjs from 'dayjs';
import { isCadreLevel, levelRank } from './cadre-levels';

export type RetirementBase = 60 | 55 | 50;

export interface RetirementRuleSet {
  version: string;
  effectiveFrom: string;
  title: string;
  /** Per base age: one month later for every `perMonths` months of birth since the first affected birth month. */
  steps: Record<RetirementBase, { perMonths: number; maxMonths: number }>;
}

export const RETIREMENT_2025: RetirementRuleSet = {
  version: '2025',
  effectiveFrom: '2025-01-01',
  title: '《国务院关于渐进式延迟法定退休年龄的办法》第二条',
  steps: {
    60: { perMonths: 4, maxMonths: 36 },
    55: { perMonths: 4, maxMonths: 36 },
    50: { perMonths: 2, maxMonths: 60 },
  },
};

/** Months since year 0 for 'YYYY-MM' (or the month of 'YYYY-MM-DD'); RangeError for anything else. */
function monthIndex(value: string): number {
  const m = /^(\d{4})-(\d{2})(-\d{2})?$/.exec(value);
  const date = m ? `${m[1]}-${m[2]}${m[3] ?? '-01'}` : '';
  if (!m || !dayjs(date).isValid() || dayjs(date).format('YYYY-MM-DD') !== date)
    throw new RangeError(`出生年月“${value}”无效，应为 YYYY-MM 或 YYYY-MM-DD`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

const formatMonth = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/** How many months the reform adds for a birth month and base age (0 for people who reached it before the reform). */
export function delayMonths(birth: string, base: RetirementBase, rules: RetirementRuleSet = RETIREMENT_2025): number {
  const { perMonths, maxMonths } = rules.steps[base];
  // The first affected birth month: the one reaching the base age in the reform's first month (1965-01 for 60).
  const first = monthIndex(rules.effectiveFrom) - base * 12;
  const k = monthIndex(birth) - first;
  return k < 0 ? 0 : Math.min(maxMonths, Math.floor(k / perMonths) + 1);
}

/** The retirement month and age: the birth month plus the base age and the delay (the 办法's table). */
export function retirementDate(
  birth: string,
  base: RetirementBase,
  rules: RetirementRuleSet = RETIREMENT_2025,
): { yearMonth: string; age: { years: number; months: number }; delayMonths: number; article: string } {
  const delay = delayMonths(birth, base, rules);
  const total = base * 12 + delay;
  return {
    yearMonth: formatMonth(monthIndex(birth) + total),
    age: { years: Math.floor(total / 12), months: total % 12 },
    delayMonths: delay,
    article: rules.title,
  };
}

// 到龄 (退出领导岗位) of a leading cadre: which base age applies and how early the reminder comes. Versioned data
// with their sources, so a change of the local practice or of a national rule is a new set, not new code.
//   Men: 60 (《国务院关于工人退休、退职的暂行办法》国发〔1978〕104号 第一条, the base the 2024 办法 raises).
//   Women at 县处级 (副处) and above: 60 (中组部、人社部《关于机关事业单位县处级女干部和具有高级职称的女性专业技术
//   人员退休年龄问题的通知》组通字〔2015〕14号, R). Other women: 55 (国发〔1978〕104号, 女干部; the file holds no
//   干部/工人 distinction, and a woman cadre is a 干部). A file without the sex takes the earlier base: a reminder
//   that comes early is better than one that never comes.
//   The reminder six months ahead is local practice (L): the months an organization department needs to
//   prepare a successor (考察 and 讨论决定).
export interface LeavingPostRules {
  version: string;
  effectiveFrom: string;
  /** Base age of men, of women at `womenSeniorFrom` and above, and of other women. */
  men: RetirementBase;
  womenSenior: RetirementBase;
  womenSeniorFrom: '副处';
  women: RetirementBase;
  sources: string;
  /** How many months before the 到龄 month the reminder reaches the to-do list. */
  noticeMonths: number;
  noticeSource: string;
}

export const LEAVING_POST_RULES: readonly LeavingPostRules[] = [
  {
    version: '2015',
    effectiveFrom: '2015-02-01',
    men: 60,
    womenSenior: 60,
    womenSeniorFrom: '副处',
    women: 55,
    sources: '国发〔1978〕104号第一条；组通字〔2015〕14号（县处级女干部）',
    noticeMonths: 6,
    noticeSource: '本地工作要求（提前六个月提醒）',
  },
];

/** The rule set in force on a date (the latest whose effectiveFrom is on or before it; the oldest before all). */
export function leavingPostRulesOn(onDate: string, sets: readonly LeavingPostRules[] = LEAVING_POST_RULES): LeavingPostRules {
  const inForce = sets.filter((r) => r.effectiveFrom <= onDate).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  return inForce[0] ?? sets[0];
}

/** The base age (RetirementBase) of a cadre by sex and level under a rule set. */
export function retirementBaseOf(sex: string, level: string | null, rules: LeavingPostRules = LEAVING_POST_RULES[0]): RetirementBase {
  if (sex === '男') return rules.men;
  return level && isCadreLevel(level) && levelRank(level) >= levelRank(rules.womenSeniorFrom) ? rules.womenSenior : rules.women;
}
