// Eligibility for promotion of Party and government leading cadres (RULES.md §7).
// 《党政领导干部选拔任用工作条例》: 第八条 the basic qualifications (V in the 2014 text; RULES.md tags the 2019
// numbers R, so citations say 条号待核); 破格 (2014 第九条, 2019 第九条/第十条, R): may break the 任职资格 except
// education, health and legal qualifications (第八条第一款第四、六、七项 in 2019, R), never two levels at once, not
// during probation, not within 1 year of the last promotion, never consecutively on years in post, reasons stated.
// Assessment, demotion and sanctions come from the 公务员考核规定 (2020), the 能上能下规定 (2022) and the 处分 rules.
import dayjs from 'dayjs';
import { atOrAbove, isPrincipal, levelRank, levelSteps, tierBelow, tierOf, type CadreLevel } from './cadre-levels';
import { checkedDay } from './working-days';
import type { AnnualGrade } from './assessment';

const GT = '《党政领导干部选拔任用工作条例》';
const R = '（条号待核）';
export const ELIGIBILITY_ARTICLES = {
  experience: `${GT}第八条第一款第一项${R}`,
  twoPosts: `${GT}第八条第一款第二项${R}`,
  seniority: `${GT}第八条第一款第三项${R}`,
  education: `${GT}第八条第一款第四项${R}`,
  training: `${GT}第八条第一款第五项${R}、《干部教育培训工作条例》（2023）（条号待核）`,
  stepwise: `${GT}第九条${R}`,
  exceptional: `${GT}第十条（2014年版第九条）${R}`,
  assessment: '《公务员考核规定》（2020）第二十一条',
  demotion: '《推进领导干部能上能下规定》（2022）（条号待核）',
} as const;

export const EDUCATION_LEVELS = ['研究生', '大学本科', '大学专科', '中专', '高中及以下'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

export const ELIGIBILITY_NUMBERS = {
  countyWorkYears: 5,
  countyGrassrootsYears: 2,
  postsBelow: 2,
  deputyToPrincipalMonths: 24,
  principalToHigherDeputyMonths: 36,
  /** 《干部教育培训工作条例》(2023, V): county level and above 550 学时 in 5 years; 乡科级 90 学时 a year. */
  countyTrainingHoursFiveYears: 550,
  townshipTrainingHoursYear: 90,
  exceptionalAfterPromotionMonths: 12,
  afterDemotionMonths: 12,
} as const;

/** Sanctions and 诫勉, with the months in which the person may not be promoted (影响期); article numbers R. */
export const SANCTION_BARS = {
  诫勉: { months: 6, article: '《关于对党员领导干部进行诫勉的规定》（条号待核）' },
  党内警告: { months: 12, article: '《中国共产党纪律处分条例》（2023）（条号待核）' },
  党内严重警告: { months: 18, article: '《中国共产党纪律处分条例》（2023）（条号待核）' },
  撤销党内职务: { months: 24, article: '《中国共产党纪律处分条例》（2023）（条号待核）' },
  警告: { months: 6, article: '《中华人民共和国公职人员政务处分法》第八条' },
  记过: { months: 12, article: '《中华人民共和国公职人员政务处分法》第八条' },
  记大过: { months: 18, article: '《中华人民共和国公职人员政务处分法》第八条' },
  降级: { months: 24, article: '《中华人民共和国公职人员政务处分法》第八条' },
  撤职: { months: 24, article: '《中华人民共和国公职人员政务处分法》第八条' },
} as const;
export type SanctionKind = keyof typeof SANCTION_BARS;

export interface CadrePost {
  title: string;
  level: CadreLevel;
  /** 任职时间: the 党委（党组） decision date (the election date for elected posts), not the document date. */
  from: string;
  to?: string | null;
}

export interface CadreRecord {
  /** 参加工作时间. */
  workStartedOn: string;
  grassrootsYears: number;
  posts: readonly CadrePost[];
  education: EducationLevel;
  /** 学时 in the 5 years and the year before the date; `source` says where they were read (the ledger, recorded). */
  training: { hoursLastFiveYears: number; hoursLastYear: number; source?: string };
  /** 任职试用期 periods, from and to (to = the day it ends). */
  probations: readonly { from: string; to: string }[];
  /** The last promotion (its decision date) and whether it was itself a 破格 on years in post. */
  lastPromotion?: { on: string; exceptional: boolean } | null;
  demotions: readonly { on: string }[];
  /** Annual assessment grades by year. */
  grades: Readonly<Record<number, AnnualGrade>>;
  sanctions: readonly { kind: SanctionKind; on: string }[];
}

export interface EligibilityFinding {
  rule: string;
  article: string;
  met: boolean;
  reason: string;
  /** An unmet finding that 破格 (or, for training, completion within a year) may set aside. */
  overridable: boolean;
}

export interface EligibilityOptions {
  /** 破格提拔, with its 情形 and reasons (required, and published in the 任前公示). */
  exceptional?: { reasons: string } | null;
  /** 确因特殊情况 training is completed within 1 year after the promotion. */
  trainingAfterPromotion?: boolean;
}

const months = (from: string, to: string) => dayjs(to).diff(dayjs(from), 'month');

/** The current level on a date: the highest level of the posts held that day, or null. */
export function currentLevel(cadre: CadreRecord, onDate: string): CadreLevel | null {
  const held = cadre.posts.filter((p) => p.from <= onDate && (!p.to || p.to > onDate));
  if (held.length === 0) return null;
  return held.reduce((a, b) => (levelRank(b.level) > levelRank(a.level) ? b : a)).level;
}

/** Months at a level up to onDate, overlapping posts counted once (任职时间 from the decision date). */
export function monthsAtLevel(cadre: CadreRecord, level: CadreLevel, onDate: string): number {
  const spans = cadre.posts
    .filter((p) => p.level === level && p.from <= onDate)
    .map((p) => [p.from, p.to && p.to < onDate ? p.to : onDate] as const)
    .sort((a, b) => a[0].localeCompare(b[0]));
  let total = 0;
  let cur: [string, string] | null = null;
  for (const [f, t] of spans) {
    if (cur && f <= cur[1]) cur[1] = t > cur[1] ? t : cur[1];
    else {
      if (cur) total += months(cur[0], cur[1]);
      cur = [f, t];
    }
  }
  return cur ? total + months(cur[0], cur[1]) : total;
}

const finding = (rule: string, article: string, met: boolean, reason: string, overridable: boolean): EligibilityFinding => ({
  rule,
  article,
  met,
  reason: met ? reason : `${reason}（${article}）`,
  overridable,
});

/** The 第八条 qualifications and the step of the promotion. */
function qualificationFindings(cadre: CadreRecord, target: CadreLevel, onDate: string, from: CadreLevel | null): EligibilityFinding[] {
  const A = ELIGIBILITY_ARTICLES;
  const N = ELIGIBILITY_NUMBERS;
  const out: EligibilityFinding[] = [];
  const steps = levelRank(target) - (from ? levelRank(from) : 0);
  if (steps >= 3)
    out.push(finding('stepwise', A.exceptional, false, `拟由${from ?? '非领导职务'}提任${target}，越两级提拔，不得破格`, false));
  else if (steps === 2)
    out.push(finding('stepwise', A.stepwise, false, `拟由${from ?? '非领导职务'}提任${target}，越级提拔须按破格提拔办理`, true));
  else out.push(finding('stepwise', A.stepwise, true, '逐级提拔', false));

  if (tierOf(target) === '县处级') {
    const workYears = dayjs(onDate).diff(dayjs(cadre.workStartedOn), 'year');
    out.push(
      finding(
        'work-years',
        A.experience,
        workYears >= N.countyWorkYears,
        `工龄 ${workYears} 年，提任县处级领导职务应具有 ${N.countyWorkYears} 年以上工龄`,
        true,
      ),
    );
    const g = cadre.grassrootsYears;
    out.push(
      finding(
        'grassroots',
        A.experience,
        g >= N.countyGrassrootsYears,
        `基层工作经历 ${g} 年，应具有 ${N.countyGrassrootsYears} 年以上`,
        true,
      ),
    );
  }
  const below = tierBelow(tierOf(target));
  if (atOrAbove(target, '县处级') && below) {
    const n = cadre.posts.filter((p) => tierOf(p.level) === below && p.from <= onDate).length;
    out.push(
      finding(
        'two-posts',
        A.twoPosts,
        n >= N.postsBelow,
        `在下一级（${below}）${n} 个职位任职，一般应当具有 ${N.postsBelow} 个以上职位的任职经历`,
        true,
      ),
    );
  }
  if (from && atOrAbove(target, '县处级') && levelSteps(from, target) === 1) {
    const m = monthsAtLevel(cadre, from, onDate);
    if (!isPrincipal(from) && isPrincipal(target))
      out.push(
        finding(
          'deputy-years',
          A.seniority,
          m >= N.deputyToPrincipalMonths,
          `任${from} ${m} 个月，由副职提任正职应在副职岗位工作两年以上`,
          true,
        ),
      );
    if (isPrincipal(from) && !isPrincipal(target))
      out.push(
        finding(
          'principal-years',
          A.seniority,
          m >= N.principalToHigherDeputyMonths,
          `任${from} ${m} 个月，由下级正职提任上级副职应在下级正职岗位工作三年以上`,
          true,
        ),
      );
  }
  const least: EducationLevel = atOrAbove(target, '厅局级') ? '大学本科' : '大学专科';
  const edu = EDUCATION_LEVELS.indexOf(cadre.education) <= EDUCATION_LEVELS.indexOf(least);
  out.push(finding('education', A.education, edu, `文化程度${cadre.education}，提任${target}一般应当具有${least}以上文化程度`, false));
  const county = atOrAbove(target, '县处级');
  const hours = county ? cadre.training.hoursLastFiveYears : cadre.training.hoursLastYear;
  const need = county ? N.countyTrainingHoursFiveYears : N.townshipTrainingHoursYear;
  out.push(
    finding(
      'training',
      A.training,
      hours >= need,
      `培训 ${hours} 学时${cadre.training.source ? `（${cadre.training.source}）` : ''}，应达到 ${need} 学时（${county ? '5 年内' : '年度'}），确因特殊情况可在提任后一年内完成`,
      true,
    ),
  );
  return out;
}

/** The conditions on 破格 itself (第十条, R). */
function exceptionalFindings(cadre: CadreRecord, onDate: string, opts: EligibilityOptions): EligibilityFinding[] {
  const a = ELIGIBILITY_ARTICLES.exceptional;
  const inProbation = cadre.probations.find((p) => p.from <= onDate && onDate < p.to);
  const last = cadre.lastPromotion;
  const sinceLast = last ? months(last.on, onDate) : null;
  const reasons = opts.exceptional?.reasons.trim() ?? '';
  return [
    finding(
      'exceptional-probation',
      a,
      !inProbation,
      inProbation ? `任职试用期至 ${inProbation.to} 未满，不得破格提拔` : '不在任职试用期内',
      false,
    ),
    finding(
      'exceptional-after-promotion',
      a,
      sinceLast === null || sinceLast >= ELIGIBILITY_NUMBERS.exceptionalAfterPromotionMonths,
      sinceLast === null ? '无提拔记录' : `上次提拔至今 ${sinceLast} 个月，提拔任职不满一年的不得破格提拔`,
      false,
    ),
    finding(
      'exceptional-consecutive',
      a,
      !last?.exceptional,
      last?.exceptional ? '上次提拔已破格，不得在任职年限上连续破格' : '上次提拔未破格',
      false,
    ),
    finding('exceptional-reasons', a, reasons.length > 0, reasons ? `破格理由：${reasons}` : '破格提拔须说明破格的具体情形和理由', false),
  ];
}

/** Assessment, demotion and sanctions: bars no 破格 can lift. */
function barFindings(cadre: CadreRecord, onDate: string): EligibilityFinding[] {
  const out: EligibilityFinding[] = [];
  const year = checkedDay(onDate).year();
  // 第二十一条: a 基本称职 year does not count and no promotion for a year after it is determined (early the next
  // year), so the assessed year and the next are barred; 不称职 demotes (第二十二条) and bars the same way.
  const bad = [year, year - 1].find((y) => cadre.grades[y] === '基本称职' || cadre.grades[y] === '不称职');
  out.push(
    finding(
      'assessment',
      ELIGIBILITY_ARTICLES.assessment,
      bad === undefined,
      bad === undefined ? '近两年无基本称职、不称职等次' : `${bad} 年度考核为${cadre.grades[bad]}，一年内不得晋升职务`,
      false,
    ),
  );
  const demoted = cadre.demotions.find((d) => d.on <= onDate && months(d.on, onDate) < ELIGIBILITY_NUMBERS.afterDemotionMonths);
  out.push(
    finding('demotion', ELIGIBILITY_ARTICLES.demotion, !demoted, demoted ? `${demoted.on} 降职，一年内不得提拔` : '一年内无降职', false),
  );
  for (const s of cadre.sanctions) {
    const bar = SANCTION_BARS[s.kind];
    const until = dayjs(s.on).add(bar.months, 'month').format('YYYY-MM-DD');
    if (s.on <= onDate && onDate < until)
      out.push(finding('sanction', bar.article, false, `${s.on} 受${s.kind}，${until} 前不得提拔`, false));
  }
  if (!out.some((f) => f.rule === 'sanction'))
    out.push(finding('sanction', '《中国共产党纪律处分条例》《中华人民共和国公职人员政务处分法》', true, '不在处分或诫勉影响期内', false));
  return out;
}

/**
 * Whether `cadre` may be promoted to `target` on `onDate`: every finding met, or an unmet overridable one set
 * aside — by 破格 with stated reasons for the 任职资格 and the one-level skip, by a commitment to finish within a
 * year for training. 破格 brings its own conditions (probation, a year since the last promotion, reasons).
 */
export function checkEligibility(
  cadre: CadreRecord,
  targetPost: { level: CadreLevel; title?: string },
  onDate: string,
  opts: EligibilityOptions = {},
): { ok: boolean; findings: EligibilityFinding[] } {
  checkedDay(onDate);
  const from = currentLevel(cadre, onDate);
  if (from && levelRank(targetPost.level) <= levelRank(from)) {
    const f = finding('stepwise', ELIGIBILITY_ARTICLES.stepwise, true, `现任${from}，拟任${targetPost.level}不属于提拔`, false);
    return { ok: true, findings: [f, ...barFindings(cadre, onDate).filter((b) => b.rule === 'sanction')] };
  }
  const findings = qualificationFindings(cadre, targetPost.level, onDate, from);
  const needsExceptional = findings.some((f) => !f.met && f.overridable && f.rule !== 'training');
  if (needsExceptional || opts.exceptional) findings.push(...exceptionalFindings(cadre, onDate, opts));
  findings.push(...barFindings(cadre, onDate));
  const setAside = (f: EligibilityFinding) => f.overridable && (f.rule === 'training' ? !!opts.trainingAfterPromotion : !!opts.exceptional);
  return { ok: findings.every((f) => f.met || setAside(f)), findings };
}
