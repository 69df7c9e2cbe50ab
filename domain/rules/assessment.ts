// Annual assessment of civil servants and cadres (RULES.md §7), 《公务员考核规定》 (2020).
// Verified from a published copy of the 2020 text: 第十九条 优秀 → 嘉奖, 连续三年优秀 → 记三等功 (RULES.md had R);
// 第二十一条 基本称职 → 诫勉, the year does not count towards promotion; 第二十五条 new hires on probation get comments
// only; 第二十九条 sanctions: 警告 → no 优秀 that year; 记过 → comments only that year; 记大过/降级/撤职 → comments
// only that year and the next (RULES.md's "no grade during heavier sanctions" is the 2007 试行 wording). The party
// sanctions follow the 中组部 practice lists (R). 不称职 → down one level and 2 consecutive years → 辞退 are in the
// 公务员法 (2018) 第五十条 and 第八十八条.

export const ANNUAL_GRADES = ['优秀', '称职', '基本称职', '不称职'] as const;
export type AnnualGrade = (typeof ANNUAL_GRADES)[number];
/** 平时考核 (R). */
export const ONGOING_GRADES = ['好', '较好', '一般', '较差'] as const;

const KH = '《公务员考核规定》（2020）';
export const ASSESSMENT_ARTICLES = {
  quota: `${KH}（优秀等次比例，条号待核）`,
  excellent: `${KH}第十九条`,
  basic: `${KH}第二十一条`,
  unfit: '《中华人民共和国公务员法》第五十条',
  dismissal: '《中华人民共和国公务员法》第八十八条',
  newHire: `${KH}第二十五条`,
  sanction: `${KH}第二十九条`,
  partySanction: '受党纪处分公务员年度考核的有关规定（条号待核）',
} as const;

export const QUOTA_PERCENT = { normal: 20, raised: 25 } as const;

/**
 * The most 优秀 grades a unit may give: "一般不超过 20%", at most 25% with the 公务员主管部门's approval. "不超过"
 * means the quota is rounded DOWN (10 → 2, 12 → 2, 4 → 0); rounding up would exceed the percentage. Units with fewer
 * than 5 assessed (4 → 0) are, in local practice (L), pooled by their 主管部门, which is outside this function.
 */
export function excellentQuota(assessed: number, raised: boolean = false): number {
  if (!Number.isInteger(assessed) || assessed < 0) throw new RangeError('参加年度考核人数须为非负整数');
  return Math.floor((assessed * (raised ? QUOTA_PERCENT.raised : QUOTA_PERCENT.normal)) / 100);
}

export type ConsequenceKind = 'commendation' | 'merit-third-class' | 'admonition' | 'no-promotion' | 'demotion' | 'dismissal';
export interface Consequence {
  year: number;
  kind: ConsequenceKind;
  text: string;
  article: string;
}

/**
 * What each year's grade brings: 优秀 → 嘉奖, and every third consecutive 优秀 → 记三等功 (the run restarts after
 * the award, so six in a row give two); 基本称职 → 诫勉 and no promotion; 不称职 → down one level, and a second
 * consecutive 不称职 → 辞退. Years without a grade break a run.
 */
export function consequences(gradesByYear: Readonly<Record<number, AnnualGrade>>): Consequence[] {
  const out: Consequence[] = [];
  const years = Object.keys(gradesByYear)
    .map(Number)
    .sort((a, b) => a - b);
  let excellentRun = 0;
  let unfitRun = 0;
  let prev: number | null = null;
  for (const y of years) {
    const g = gradesByYear[y];
    if (prev !== null && y !== prev + 1) excellentRun = unfitRun = 0;
    prev = y;
    excellentRun = g === '优秀' ? excellentRun + 1 : 0;
    unfitRun = g === '不称职' ? unfitRun + 1 : 0;
    const A = ASSESSMENT_ARTICLES;
    if (g === '优秀') {
      out.push({ year: y, kind: 'commendation', text: '当年给予嘉奖', article: A.excellent });
      if (excellentRun === 3) {
        out.push({ year: y, kind: 'merit-third-class', text: `${y - 2}—${y} 年连续三年优秀，记三等功`, article: A.excellent });
        excellentRun = 0;
      }
    }
    if (g === '基本称职') {
      out.push({ year: y, kind: 'admonition', text: '进行诫勉，责令作出书面检查，限期改进', article: A.basic });
      out.push({
        year: y,
        kind: 'no-promotion',
        text: '本考核年度不计算为晋升职务职级的任职年限，一年内不得晋升职务职级',
        article: A.basic,
      });
    }
    if (g === '不称职') {
      if (unfitRun >= 2) out.push({ year: y, kind: 'dismissal', text: `${y - 1}、${y} 年连续两年不称职，予以辞退`, article: A.dismissal });
      else out.push({ year: y, kind: 'demotion', text: '按照规定程序降低一个职务或者职级层次任职', article: A.unfit });
    }
  }
  return out;
}

/** Sanctions that change the grade a person may get; 留党察看 lasts 1 or 2 years. */
export const GRADED_SANCTIONS = [
  '警告',
  '记过',
  '记大过',
  '降级',
  '撤职',
  '党内警告',
  '党内严重警告',
  '撤销党内职务',
  '留党察看',
  '开除党籍',
] as const;
export type GradedSanction = (typeof GRADED_SANCTIONS)[number];

export interface AssessedPerson {
  sanctions: readonly { kind: GradedSanction; on: string; years?: 1 | 2 }[];
  /** A new hire's 试用期 (新录用), if any. */
  probation?: { from: string; to: string } | null;
}

const PARTY_SANCTIONS: readonly GradedSanction[] = ['党内警告', '党内严重警告', '撤销党内职务', '留党察看', '开除党籍'];

type Effect = 'no-excellent' | 'comments-only' | 'unfit';
const SEVERITY: Record<Effect, number> = { 'no-excellent': 1, 'comments-only': 2, unfit: 3 };

/** The effect of a sanction on the assessment of `year`, or null. */
function effectOf(s: AssessedPerson['sanctions'][number], year: number): Effect | null {
  const after = year - Number(s.on.slice(0, 4));
  if (after < 0) return null;
  switch (s.kind) {
    case '警告':
    case '党内警告':
      return after === 0 ? 'no-excellent' : null;
    case '记过':
    case '党内严重警告':
      return after === 0 ? 'comments-only' : null;
    case '记大过':
    case '降级':
    case '撤职':
      return after <= 1 ? 'comments-only' : null;
    case '撤销党内职务':
      return after === 0 ? 'unfit' : null;
    case '留党察看':
      return after === 0 ? 'unfit' : after <= (s.years ?? 1) ? 'comments-only' : null;
    case '开除党籍':
      return after === 0 ? 'unfit' : after <= 2 ? 'comments-only' : null;
  }
}

/**
 * The grades a person may get for `year`: a new hire still on probation at the end of the year gets comments only
 * (第二十五条); sanctions per 第二十九条 and the party rules, the heaviest one deciding when there are several.
 */
export function gradeAllowed(person: AssessedPerson, year: number): { grades: AnnualGrade[]; commentsOnly: boolean; reason: string } {
  if (person.probation && person.probation.from <= `${year}-12-31` && person.probation.to > `${year}-12-31`)
    return {
      grades: [],
      commentsOnly: true,
      reason: `新录用人员在试用期内参加年度考核，只写评语，不确定等次（${ASSESSMENT_ARTICLES.newHire}）`,
    };
  let worst: { effect: Effect; kind: GradedSanction } | null = null;
  for (const s of person.sanctions) {
    const e = effectOf(s, year);
    if (e && (!worst || SEVERITY[e] > SEVERITY[worst.effect])) worst = { effect: e, kind: s.kind };
  }
  if (!worst) return { grades: [...ANNUAL_GRADES], commentsOnly: false, reason: '按规定确定等次' };
  const article = PARTY_SANCTIONS.includes(worst.kind) ? ASSESSMENT_ARTICLES.partySanction : ASSESSMENT_ARTICLES.sanction;
  if (worst.effect === 'no-excellent')
    return {
      grades: ['称职', '基本称职', '不称职'],
      commentsOnly: false,
      reason: `受${worst.kind}处分的当年，不得确定为优秀等次（${article}）`,
    };
  if (worst.effect === 'unfit')
    return { grades: ['不称职'], commentsOnly: false, reason: `受${worst.kind}处分的当年，确定为不称职等次（${article}）` };
  return { grades: [], commentsOnly: true, reason: `受${worst.kind}处分，${year} 年度考核只写评语，不确定等次（${article}）` };
}

/**
 * The year an assessment is most likely being worked on at `today` (YYYY-MM-DD): the annual assessment is
 * held at the year's end and finished early the next year (L), so from November the current year, before
 * it the previous one. Only a default for screens and demo data.
 */
export function workingYear(today: string): number {
  const year = Number(today.slice(0, 4));
  return Number(today.slice(5, 7)) >= 11 ? year : year - 1;
}
