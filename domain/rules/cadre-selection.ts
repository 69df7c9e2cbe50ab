// The selection procedure of Party and government leading cadres (RULES.md §7), 《党政领导干部选拔任用工作条例》.
// The 2019 text is in force; the team verified the 2014 text's articles (任前公示 第四十一条, 试用期 第四十二条,
// 讨论决定 第三十七条/第三十八条) and RULES.md tags the 2019 article numbers R, so citations name the chapter,
// the 2014 article and say the 2019 number is still to be checked. The "凡提四必" are in the 2019 考察 chapter.
import { levelRank, type CadreLevel } from './cadre-levels';
import { nthWorkingDay } from './working-days';

const GT = '《党政领导干部选拔任用工作条例》';
export const SELECTION_ARTICLES = {
  order: `${GT}第三章至第七章`,
  fourMusts: `${GT}第五章（考察，“凡提四必”；条号待核）`,
  decision: `${GT}第六章（讨论决定；2014年版第三十七条、第三十八条，2019年版条号待核）`,
  publicity: `${GT}第七章（任前公示；2014年版第四十一条，2019年版条号待核）`,
  probation: `${GT}第七章（试用期；2014年版第四十二条，2019年版条号待核）`,
} as const;

/** The steps in their order (第三章 分析研判和动议 … 第七章 任职), then the 1-year 试用期 where it applies. */
export const SELECTION_STEPS = ['分析研判和动议', '民主推荐', '考察', '讨论决定', '任前公示', '任职', '试用期'] as const;
export type SelectionStep = (typeof SELECTION_STEPS)[number];

export function nextStep(step: SelectionStep): SelectionStep | null {
  return SELECTION_STEPS[SELECTION_STEPS.indexOf(step) + 1] ?? null;
}

/**
 * 讨论决定: valid with at least ⅔ of the members present (3·present ≥ 2·members, in integers), decided with
 * MORE than half of all members who should attend (2·inFavor > members), not of those present. Without the
 * quorum nothing is decided. Counts that cannot be true throw a RangeError.
 */
export function committeeDecision(v: { members: number; present: number; inFavor: number }): { quorate: boolean; passed: boolean } {
  const names = { members: '应到会成员数', present: '实到会成员数', inFavor: '同意人数' } as const;
  for (const key of Object.keys(names) as (keyof typeof names)[]) {
    if (!Number.isInteger(v[key]) || v[key] < 0) throw new RangeError(`${names[key]}须为非负整数`);
  }
  if (v.members < 1) throw new RangeError('党委（党组）应到会成员至少为 1');
  if (v.present > v.members) throw new RangeError(`实到会成员数（${v.present}）不能超过应到会成员数（${v.members}）`);
  if (v.inFavor > v.present) throw new RangeError(`同意人数（${v.inFavor}）不能超过实到会成员数（${v.present}）`);
  const quorate = 3 * v.present >= 2 * v.members;
  return { quorate, passed: quorate && 2 * v.inFavor > v.members };
}

/** 任前公示: at least 5 working days; the last day is the N-th working day counting startOn when it is one. */
export const PUBLICITY_WORKING_DAYS = 5;

/**
 * The day the publicity period ends: the N-th working day (official holidays and adjusted working weekends from
 * the holiday calendar) counting startOn itself when it is a working day. Check calendarCovers on the result: in
 * a year the calendar does not hold yet, the date is provisional.
 */
export function publicityEnd(startOn: string, workingDays: number = PUBLICITY_WORKING_DAYS): string {
  if (!Number.isInteger(workingDays) || workingDays < PUBLICITY_WORKING_DAYS)
    throw new RangeError(`公示期不少于 ${PUBLICITY_WORKING_DAYS} 个工作日（${SELECTION_ARTICLES.publicity}）`);
  return nthWorkingDay(startOn, workingDays);
}

export type PublicityExemption = 'special-post' | 'publicised-at-election';

/**
 * 任前公示 applies to promotions (提拔) to 厅局级 and below, after the committee decision and before the 任职通知,
 * except special posts and people already publicised at a 换届 inspection.
 */
export function publicityRequired(p: { promotion: boolean; level: CadreLevel; exemption?: PublicityExemption | null }): {
  required: boolean;
  reason: string;
} {
  const a = SELECTION_ARTICLES.publicity;
  if (!p.promotion) return { required: false, reason: `非提拔任职，不作任前公示（${a}）` };
  if (levelRank(p.level) > levelRank('正厅')) return { required: false, reason: `任前公示适用于提拔担任厅局级以下领导职务（${a}）` };
  if (p.exemption === 'special-post') return { required: false, reason: `特殊岗位，不作任前公示（${a}）` };
  if (p.exemption === 'publicised-at-election') return { required: false, reason: `换届考察时已进行过公示（${a}）` };
  return { required: true, reason: `提拔担任厅局级以下领导职务，应当任前公示，公示期不少于 5 个工作日（${a}）` };
}

/** The 凡提四必 of 考察: four checks that must all be closed before the candidate leaves 考察. */
export const FOUR_MUSTS = {
  file: '干部档案凡提必审（含“三龄二历”）',
  personalMatters: '个人有关事项报告凡提必核',
  disciplineOpinion: '纪检监察机关意见凡提必听',
  complaints: '反映问题具体、线索清晰的信访举报凡提必查',
} as const;
export type FourMust = keyof typeof FOUR_MUSTS;

/** Post kinds for the 试用期 rule; only the first three (on promotion, not elected, 厅局级 and below) have one. */
export const POST_KINDS = {
  'department-deputy-or-internal': '党委、人大常委会、政府、政协工作部门副职和内设机构领导职务',
  'discipline-internal': '纪委（监委）机关内设机构领导职务',
  'court-procuratorate-internal': '人民法院、人民检察院内设机构中非依法由国家权力机关任命的领导职务',
  'department-principal': '工作部门正职',
  'court-procuratorate-appointed': '人民法院、人民检察院依法由国家权力机关任命的职务',
  other: '其他领导职务',
} as const;
export type PostKind = keyof typeof POST_KINDS;
const PROBATION_KINDS: readonly PostKind[] = ['department-deputy-or-internal', 'discipline-internal', 'court-procuratorate-internal'];

/**
 * 试用期 (1 year): only on promotion into a non-elected post at 厅局级 or below of the three kinds listed. Not for
 * elected posts, department principals, posts appointed by the people's congress, or transfers at the same level.
 */
export function probationApplies(post: { elected: boolean; level: CadreLevel; kind: PostKind }, promotion: boolean = true): boolean {
  return promotion && !post.elected && levelRank(post.level) <= levelRank('正厅') && PROBATION_KINDS.includes(post.kind);
}

export const PROBATION_MONTHS = 12;

export interface SelectionState {
  /** The step the case has reached (completed or in progress). */
  at: SelectionStep;
  /** The 凡提四必 closed so far. */
  checks: Partial<Record<FourMust, boolean>>;
  /** The committee vote, once held. */
  vote?: { members: number; present: number; inFavor: number };
  /** The target post and whether this is a promotion (提拔). */
  post: { elected: boolean; level: CadreLevel; kind: PostKind };
  promotion: boolean;
  publicityExemption?: PublicityExemption | null;
  /** The first day of publicity, once it has started. */
  publicityStartOn?: string;
  today: string;
}

/**
 * Whether the case may enter `step`: the steps go in order; leaving 考察 needs all four 凡提四必 closed; 任前公示
 * and 任职 need a valid, passed decision; 任职 needs the publicity period over (or no publicity required, when the
 * case goes straight from 讨论决定 to 任职); 试用期 only where it applies. Reasons are in Chinese with the article.
 */
export function canEnter(step: SelectionStep, state: SelectionState): { ok: boolean; reasons: string[] } {
  const reasons: string[] = [];
  const publicity = publicityRequired({ promotion: state.promotion, level: state.post.level, exemption: state.publicityExemption });
  const expected = nextStep(state.at);
  const skipsPublicity = step === '任职' && state.at === '讨论决定' && !publicity.required;
  if (step !== expected && !skipsPublicity) {
    reasons.push(`当前为“${state.at}”，下一步应为“${expected ?? '（已完成）'}”，不能进入“${step}”（${SELECTION_ARTICLES.order}）`);
  }
  const at = SELECTION_STEPS.indexOf(step);
  if (at > SELECTION_STEPS.indexOf('考察')) {
    const open = (Object.keys(FOUR_MUSTS) as FourMust[]).filter((k) => !state.checks[k]);
    for (const k of open) reasons.push(`“${FOUR_MUSTS[k]}”尚未完成，不能结束考察（${SELECTION_ARTICLES.fourMusts}）`);
  }
  if (at > SELECTION_STEPS.indexOf('讨论决定')) {
    if (!state.vote) reasons.push(`党委（党组）尚未讨论决定（${SELECTION_ARTICLES.decision}）`);
    else {
      const d = committeeDecision(state.vote);
      if (!d.quorate) reasons.push(`到会成员不足应到会成员的三分之二，讨论无效（${SELECTION_ARTICLES.decision}）`);
      else if (!d.passed) reasons.push(`同意人数未超过应到会成员半数，未形成决定（${SELECTION_ARTICLES.decision}）`);
    }
  }
  if (step === '任前公示' && !publicity.required) reasons.push(publicity.reason);
  if (at >= SELECTION_STEPS.indexOf('任职') && publicity.required) {
    if (!state.publicityStartOn) reasons.push(`尚未进行任前公示（${SELECTION_ARTICLES.publicity}）`);
    else {
      const end = publicityEnd(state.publicityStartOn);
      if (state.today <= end) reasons.push(`公示期至 ${end} 届满，期满后方可办理任职手续（${SELECTION_ARTICLES.publicity}）`);
    }
  }
  if (step === '试用期' && !probationApplies(state.post, state.promotion)) {
    reasons.push(`该职务不实行任职试用期（${SELECTION_ARTICLES.probation}）`);
  }
  return { ok: reasons.length === 0, reasons };
}
