// 能上能下 (issue 13 point 6): the situations in which a leader is "not suited to the current post"
// (不适宜担任现职) and the forms of adjustment, from the 《推进领导干部能上能下规定》 (中共中央办公厅, 2022), 第五条.
// Tags as in RULES.md: V = read in a public copy of the text (items 1–8, a newspaper reprint of 第五条,
// 2022-09-20), R = recalled, not yet checked word for word (items 9–15 and the forms' article number).
// The list is data with an effective date: a revision is a new set, not new code.
export const ADJUSTMENT_KINDS = ['调离岗位', '改任职级', '免职', '降职'] as const;
export type AdjustmentKind = (typeof ADJUSTMENT_KINDS)[number];

/**
 * The forms that take the cadre off the post held: the appointment is ended on the file (by its one writer).
 * 改任职级 is leaving the leadership post for a rank (职级) of the same level (规定 第十二条 lists it among the
 * ways of adjusting a leader, R): the post ends and the rank is written (RANK_KINDS).
 */
export const ENDS_POST: ReadonlySet<AdjustmentKind> = new Set(['调离岗位', '改任职级', '免职', '降职']);

/** The forms that write a new rank (职级) on the file. */
export const RANK_KINDS: ReadonlySet<AdjustmentKind> = new Set(['改任职级']);

export interface UnsuitedSituation {
  code: string;
  text: string;
  tag: 'V' | 'R';
}

export interface AdjustmentRuleSet {
  version: string;
  effectiveFrom: string;
  title: string;
  article: string;
  situations: readonly UnsuitedSituation[];
}

export const ADJUSTMENT_2022: AdjustmentRuleSet = {
  version: '2022',
  effectiveFrom: '2022-09-01',
  title: '《推进领导干部能上能下规定》（2022）',
  article: '第五条',
  situations: [
    { code: 'S01', tag: 'V', text: '政治能力不过硬，在贯彻落实党中央决策部署、推动落地见效上存在明显差距' },
    { code: 'S02', tag: 'V', text: '理想信念动摇，在重大原则问题上立场不坚定、态度暧昧，关键时刻经不住考验' },
    { code: 'S03', tag: 'V', text: '担当和斗争精神不强，紧要关头临阵退缩，在急难险重任务、重大风险考验面前消极逃避或者应对处置不力' },
    { code: 'S04', tag: 'V', text: '政绩观存在偏差，在推动高质量发展上不积极不作为，搞“形象工程”“政绩工程”乱作为' },
    { code: 'S05', tag: 'V', text: '违背民主集中制原则，独断专行或者软弱涣散，不执行或者擅自改变组织决定，破坏政治生态' },
    {
      code: 'S06',
      tag: 'V',
      text: '组织观念淡薄，不严格执行重大事项请示报告、个人有关事项报告等制度，无正当理由拒不执行组织的分配、调动、交流等决定',
    },
    { code: 'S07', tag: 'V', text: '事业心和责任感不强，精神状态差，敷衍塞责，工作推拖绕躲、贻误事业发展' },
    { code: 'S08', tag: 'V', text: '领导能力不足，不能有效履行职责、完成目标任务，所负责的工作较长时间处于落后状态' },
    { code: 'S09', tag: 'R', text: '作风不实，形式主义、官僚主义问题突出，脱离群众，群众意见较大' },
    { code: 'S10', tag: 'R', text: '不履行或者不正确履行全面从严治党责任，所在地方、单位问题多发' },
    { code: 'S11', tag: 'R', text: '违背中央八项规定精神，不严格遵守廉洁从政有关规定' },
    { code: 'S12', tag: 'R', text: '品行不端，违背社会公德、职业道德、家庭美德，造成不良影响' },
    { code: 'S13', tag: 'R', text: '配偶已移居国（境）外，或者没有配偶但子女均已移居国（境）外，不适宜担任其所任职务' },
    { code: 'S14', tag: 'R', text: '因健康原因，无法正常履行工作职责一年以上' },
    { code: 'S15', tag: 'R', text: '有其他不适宜担任现职情形' },
  ],
};

/** The situation of a code in a rule set, or undefined. */
export const situationOf = (code: string, rules: AdjustmentRuleSet = ADJUSTMENT_2022) => rules.situations.find((s) => s.code === code);

/** The history's wording of an ended post: it names the form, so the selection's eligibility (一年内不得提拔 after 降职) reads it. */
export const endReasonOf = (kind: AdjustmentKind, code: string, rules: AdjustmentRuleSet = ADJUSTMENT_2022): string => {
  const s = situationOf(code, rules);
  return `能上能下${kind}：${s ? s.text : code}（${rules.title}${rules.article}）`;
};
