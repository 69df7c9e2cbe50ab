// 凡提四必 fed by the records (《关于进一步规范党政领导干部选拔任用工作的意见》 and 《党政领导干部选拔任用工作条例》
// 第五章 考察, RULES.md §7): the file review includes the 三龄二历 (birth, work-start and Party-join dates, education
// and work history confirmed against source material); the 个人有关事项报告 is checked (《领导干部报告个人有关事项
// 规定》2017, random and targeted checks), and a check that found something must be resolved or explained before
// the item is closed.

export const FOUR_MUSTS_ARTICLE =
  '《党政领导干部选拔任用工作条例》第五章（考察，“凡提四必”）、《领导干部报告个人有关事项规定》（2017）（条号待核）';

/** The 三龄二历 items of the review (cadre_reviews.item). */
export const THREE_AGES_TWO_HISTORIES = {
  birth: '出生时间',
  work_start: '参加工作时间',
  party_join: '入党时间',
  education: '学历学位',
  work_history: '工作经历',
} as const;
export type ReviewItem = keyof typeof THREE_AGES_TWO_HISTORIES;

/** The items not yet confirmed. */
export function reviewMissing(reviewed: readonly string[]): ReviewItem[] {
  return (Object.keys(THREE_AGES_TWO_HISTORIES) as ReviewItem[]).filter((k) => !reviewed.includes(k));
}

// A check's finding that says the report matched (查核一致, 无异常, 相符, 未发现问题) closes nothing open.
const CLEAN = /^(经?查核)?(结果)?[:：]?\s*(一致|基本一致|无异常|相符|如实报告|未发现问题)[。.]?$/;

/**
 * Whether the latest report's check leaves a finding open: a check was made (随机 or 重点) and its finding is
 * neither empty nor a statement that the report matched. No report, or a report not drawn for a check, leaves
 * nothing open (the note says so).
 */
export function matterCheckOpen(report: { year: number; checkKind: string; finding: string } | null): { open: boolean; note: string } {
  if (!report) return { open: false, note: '未见个人有关事项报告记录，请核实后办理' };
  if (report.checkKind === 'none') return { open: false, note: `${report.year} 年度已报告，未抽中查核` };
  const f = report.finding.trim();
  if (!f) return { open: false, note: `${report.year} 年度${report.checkKind}查核，尚无查核结果` };
  if (CLEAN.test(f)) return { open: false, note: `${report.year} 年度${report.checkKind}查核：${f}` };
  return { open: true, note: `${report.year} 年度${report.checkKind}查核发现：${f}；须说明处理情况后方可办结（${FOUR_MUSTS_ARTICLE}）` };
}
