import { describe, expect, it } from 'vitest';
import { statusAttention, suspensionProblem, transitionProblem } from './member-status-rules';

describe('停止党籍 (党员教育管理工作条例 第二十四条)', () => {
  it.each([
    ['2026-05-01', '2026-10-31', false],
    ['2026-05-01', '2026-11-01', true],
    ['2025-01-15', '2026-11-01', true],
  ])('out of contact since %s: suspension on %s allowed = %s', (since, on, ok) => {
    expect(suspensionProblem('lost_contact', since, on) === null).toBe(ok);
  });
  it.each([
    ['2021-11-01', '2026-11-01', false],
    ['2021-10-31', '2026-11-01', true],
  ])('abroad since %s: suspension on %s allowed = %s (more than 5 years)', (since, on, ok) => {
    expect(suspensionProblem('abroad', since, on) === null).toBe(ok);
  });
  it('needs a date for the basis', () => {
    expect(suspensionProblem('lost_contact', null, '2026-11-01')).toMatch('失联日期');
    expect(suspensionProblem('abroad', null, '2026-11-01')).toMatch('出国');
  });
});

describe('which change from which status', () => {
  it.each([
    ['flowing', 'normal', true],
    ['flowing', 'lost_contact', false],
    ['flowing_end', 'flowing', true],
    ['lost_contact', 'flowing', true],
    ['suspend', 'lost_contact', true],
    ['leave', 'suspended', true],
    ['death', 'left', false],
    ['restore', 'suspended', true],
    ['restore', 'deceased', false],
    ['leave', 'transferred_out', false],
  ] as const)('%s from %s allowed = %s', (kind, from, ok) => {
    expect(transitionProblem(kind, from) === null).toBe(ok);
  });
});

describe('what needs attention', () => {
  it('suggests 停止党籍 after 6 months out of contact', () => {
    expect(statusAttention('lost_contact', '2026-05-02', '2026-11-01')).toBeNull();
    expect(statusAttention('lost_contact', '2026-05-01', '2026-11-01')).toMatchObject({ code: 'suspend_due', dueOn: '2026-11-01' });
  });
  it('suggests 除名 after 2 years suspended and unreachable', () => {
    expect(statusAttention('suspended', '2024-11-01', '2026-11-01')).toMatchObject({ code: 'removal_due' });
    expect(statusAttention('suspended', '2024-11-02', '2026-11-01')).toBeNull();
  });
  it('has nothing to say about a normal member', () => expect(statusAttention('normal', '2020-01-01', '2026-11-01')).toBeNull());
});
