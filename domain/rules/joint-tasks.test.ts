import { describe, expect, it } from 'vitest';
import { checkError, isOverdue, progressAfter, stageMoveError, type JointStage } from './joint-tasks';

describe('stage moves (谋划 → 部署 → 落实 → 完成 → 检查)', () => {
  it.each<[JointStage, JointStage, string | null, string | null]>([
    ['planned', 'deployed', null, null],
    ['deployed', 'in_progress', null, null],
    ['in_progress', 'done', null, null],
    ['in_progress', 'in_progress', null, null],
    ['planned', 'in_progress', null, '只能逐步推进：下一阶段为“部署”'],
    ['planned', 'done', null, '只能逐步推进'],
    ['done', 'checked', null, '由登记检查结果进入'],
    ['in_progress', 'deployed', null, '退回到“部署”须说明原因'],
    ['in_progress', 'deployed', '  ', '须说明原因'],
    ['in_progress', 'deployed', '方案需重新部署', null],
    ['done', 'planned', '业务目标调整', null],
    ['checked', 'done', '复查', '任务已检查'],
  ])('%s → %s (note %s)', (from, to, note, problem) => {
    const e = stageMoveError({ from, to, note });
    if (problem === null) expect(e).toBeNull();
    else expect(e).toContain(problem);
  });
});

describe('progress and lateness', () => {
  it.each<[JointStage, number, number]>([
    ['planned', 0, 0],
    ['in_progress', 60, 60],
    ['done', 70, 100],
    ['checked', 0, 100],
  ])('%s with %d %% shows %d %%', (s, p, out) => {
    expect(progressAfter(s, p)).toBe(out);
  });

  it.each<[JointStage, string, boolean]>([
    ['in_progress', '2026-05-31', true],
    ['planned', '2026-05-31', true],
    ['in_progress', '2026-06-01', false],
    ['done', '2026-01-01', false],
    ['checked', '2026-01-01', false],
  ])('%s due %s is overdue on 2026-06-01: %s', (stage, dueOn, late) => {
    expect(isOverdue({ stage, dueOn }, '2026-06-01')).toBe(late);
  });

  it('checks only a finished task', () => {
    expect(checkError('in_progress')).toContain('完成后');
    expect(checkError('done')).toBeNull();
    expect(checkError('checked')).toBeNull();
  });
});
