// Party building with business (党建和业务融合, PRODUCT.md): a joint task is planned, deployed, carried
// out and checked together (一起谋划、一起部署、一起落实、一起检查). The stages and check grades are
// local practice (L); the rules below keep a task's stage honest and its lateness computed, not typed.

export const JOINT_STAGES = ['planned', 'deployed', 'in_progress', 'done', 'checked'] as const;
export type JointStage = (typeof JOINT_STAGES)[number];

export const JOINT_STAGE_LABELS: Record<JointStage, { zh: string; en: string }> = {
  planned: { zh: '谋划', en: 'Planned' },
  deployed: { zh: '部署', en: 'Deployed' },
  in_progress: { zh: '落实', en: 'In progress' },
  done: { zh: '完成', en: 'Done' },
  checked: { zh: '检查', en: 'Checked' },
};

export const CHECK_RESULTS = ['excellent', 'good', 'passed', 'failed'] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];

export const CHECK_RESULT_LABELS: Record<CheckResult, { zh: string; en: string }> = {
  excellent: { zh: '优秀', en: 'Excellent' },
  good: { zh: '良好', en: 'Good' },
  passed: { zh: '合格', en: 'Passed' },
  failed: { zh: '不合格', en: 'Failed' },
};

/** Stages a task is still being worked in (so it can be late). */
export const OPEN_STAGES: readonly JointStage[] = ['planned', 'deployed', 'in_progress'];

export interface StageMove {
  from: JointStage;
  to: JointStage;
  note?: string | null;
}

/**
 * Why a stage move is refused, or null: forward exactly one step up to 完成 (检查 is reached only by
 * recording a check result), back any number of steps with a note saying why; a checked task is closed.
 */
export function stageMoveError(m: StageMove): string | null {
  const from = JOINT_STAGES.indexOf(m.from);
  const to = JOINT_STAGES.indexOf(m.to);
  if (m.from === 'checked') return '任务已检查，不能再变更阶段';
  if (m.to === 'checked') return '“检查”阶段由登记检查结果进入';
  if (to === from) return null;
  if (to > from + 1) return `只能逐步推进：下一阶段为“${JOINT_STAGE_LABELS[JOINT_STAGES[from + 1]].zh}”`;
  if (to < from && !m.note?.trim()) return `退回到“${JOINT_STAGE_LABELS[m.to].zh}”须说明原因`;
  return null;
}

/** The progress a task shows in a stage: 完成 and 检查 mean 100 %; before that, what the organization reports. */
export function progressAfter(stage: JointStage, progress: number): number {
  return stage === 'done' || stage === 'checked' ? 100 : progress;
}

/** Still being worked on and past its due date (the due day itself is not late). */
export function isOverdue(t: { stage: JointStage; dueOn: string }, today: string): boolean {
  return OPEN_STAGES.includes(t.stage) && t.dueOn < today;
}

/** Why a check is refused, or null: only a finished task is checked (a later check by a higher organization replaces an earlier one). */
export function checkError(stage: JointStage): string | null {
  return stage === 'done' || stage === 'checked' ? null : '任务完成后才能登记检查结果';
}
