import { describe, expect, it } from 'vitest';
import { elapsedShare, learnerReminded, planBehind } from './learning-plans';

describe('a plan behind its time (the stated definition, issue 14 point 2)', () => {
  it.each([
    ['the first day of a 10-day plan', '2026-03-01', '2026-03-10', '2026-03-01', 0.1],
    ['half way', '2026-03-01', '2026-03-10', '2026-03-05', 0.5],
    ['the last day', '2026-03-01', '2026-03-10', '2026-03-10', 1],
    ['before the start', '2026-03-01', '2026-03-10', '2026-02-20', 0],
  ])('elapsed share on %s', (_, from, to, today, share) => {
    expect(elapsedShare(from, to, today)).toBeCloseTo(share);
  });

  it.each([
    ['4 of 10 done when half the period has passed', 4, 10, '2026-03-05', true],
    ['5 of 10 done when half the period has passed', 5, 10, '2026-03-05', false],
    ['nobody to learn', 0, 0, '2026-03-05', false],
    ['a plan not started', 0, 10, '2026-02-28', false],
    ['a plan ended (closed at its end)', 0, 10, '2026-03-11', false],
    ['all done on the last day', 10, 10, '2026-03-10', false],
  ])('%s', (_, completed, learners, today, behind) => {
    expect(planBehind(completed, learners, '2026-03-01', '2026-03-10', today)).toBe(behind);
  });
});

describe("a learner's own reminder", () => {
  it.each([
    ['short, 14 days before the end', false, '2026-06-30', '2026-06-16', true],
    ['short, 15 days before the end', false, '2026-06-30', '2026-06-15', false],
    ['short, on the last day', false, '2026-06-30', '2026-06-30', true],
    ['completed', true, '2026-06-30', '2026-06-25', false],
    ['after the end', false, '2026-06-30', '2026-07-01', false],
  ])('%s', (_, completed, endsOn, today, reminded) => {
    expect(learnerReminded(completed, endsOn, today)).toBe(reminded);
  });
});
