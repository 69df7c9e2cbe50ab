import { describe, expect, it } from 'vitest';
import {
  adjustmentProblem,
  daysLeft,
  electionResult,
  electionVote,
  hasVote,
  majorityMinimum,
  NO_MAJORITY,
  QUORUM_FAILED,
  quorumMinimum,
  reminderOn,
  reportDueOn,
  requestWindow,
  surplusWarning,
  termEnd,
  termRuleOf,
  termState,
} from './terms';

describe('termEnd (中办《关于党的基层组织任期的意见》: 基层党委 5 年, 党总支、党支部 3 年)', () => {
  it.each([
    ['primary-committee', '2021-06-15', '2026-06-15'],
    ['general-branch', '2023-12-31', '2026-12-31'],
    ['branch', '2024-01-01', '2027-01-01'],
    // A term elected on 29 February ends on 28 February of a common year, never on 1 March.
    ['branch', '2024-02-29', '2027-02-28'],
    ['primary-committee', '2024-02-29', '2029-02-28'],
    ['primary-committee', '2023-02-28', '2028-02-28'],
  ] as const)('%s elected %s ends %s', (kind, elected, end) => {
    expect(termEnd(kind, elected)).toBe(end);
  });

  it.each(['2024-02-30', '2024-2-1', '', '20240201'])('refuses the date "%s"', (d) => {
    expect(() => termEnd('branch', d)).toThrow(RangeError);
  });
});

describe('term of an organization (任期意见; village and community organizations 5 years)', () => {
  it.each([
    ['party_committee', 'soe', 'primary-committee', 5],
    ['township_committee', 'rural', 'primary-committee', 5],
    ['general_branch', 'school', 'general-branch', 3],
    ['general_branch', 'community', 'general-branch', 5],
    ['branch', 'organ', 'branch', 3],
    ['branch', 'rural', 'branch', 5],
    ['branch', 'community', 'branch', 5],
    ['joint_branch', 'private_enterprise', 'branch', 3],
  ] as const)('%s in a %s unit: %s, %i years', (kind, unitType, termKind, years) => {
    expect(termRuleOf({ kind, unitType })).toMatchObject({ kind: termKind, years });
  });

  it.each(['temporary_branch', 'party_group', 'city_committee', 'county_committee'] as const)('%s has no term here', (kind) => {
    expect(termRuleOf({ kind, unitType: 'organ' })).toBeNull();
  });
});

describe('electionVote (选举工作条例: 到会 > ⅘ of 应到会, 赞成 > ½ of 应到会)', () => {
  it.each([
    // shouldAttend, present, votesFor, quorate, elected
    [50, 41, 26, true, true],
    [50, 40, 40, false, false], // exactly ⅘ is not more than ⅘
    [50, 41, 25, true, false], // exactly half of those who should attend is not more than half
    [10, 9, 6, true, true],
    [10, 8, 8, false, false],
    [5, 5, 3, true, true],
    [5, 4, 4, false, false], // 4·5 = 20 is not > 20
    [7, 6, 4, true, true], // 6·5 = 30 > 28
    [7, 6, 3, true, false],
    [3, 3, 2, true, true],
    [1, 1, 1, true, true],
    [1, 0, 0, false, false],
    // majority counts those who should attend, not those present: 21 of 41 present is not enough for 50
    [50, 41, 21, true, false],
  ])('应到 %i, 实到 %i, 赞成 %i → quorate %s, elected %s', (shouldAttend, present, votesFor, quorate, elected) => {
    expect(electionVote({ shouldAttend, present, votesFor })).toEqual({ quorate, elected });
  });

  it.each([
    [{ shouldAttend: -1, present: 0, votesFor: 0 }, '应到会人数'],
    [{ shouldAttend: 10, present: -1, votesFor: 0 }, '实到会人数'],
    [{ shouldAttend: 10, present: 9, votesFor: -2 }, '赞成票数'],
    [{ shouldAttend: 10, present: 9.5, votesFor: 0 }, '非负整数'],
    [{ shouldAttend: 10, present: 11, votesFor: 0 }, '不能超过应到会人数'],
    [{ shouldAttend: 10, present: 9, votesFor: 10 }, '不能超过实到会人数'],
    [{ shouldAttend: 0, present: 0, votesFor: 0 }, '至少为 1'],
  ])('throws a RangeError in Chinese for %o', (v, text) => {
    expect(() => electionVote(v)).toThrow(RangeError);
    expect(() => electionVote(v)).toThrow(text);
  });

  it.each([
    [50, 41, 26],
    [10, 9, 6],
    [5, 5, 3],
    [7, 6, 4],
    [3, 3, 2],
  ])('the least present and yes votes for %i who should attend are %i and %i', (n, q, m) => {
    expect(quorumMinimum(n)).toBe(q);
    expect(majorityMinimum(n)).toBe(m);
  });
});

describe('electionResult: seats go to the top vote-getters over the majority', () => {
  it('fails the whole election without the ⅘ quorum, whatever the votes', () => {
    const r = electionResult({
      shouldAttend: 20,
      present: 16,
      seats: 3,
      candidates: [{ votesFor: 16 }, { votesFor: 15 }, { votesFor: 14 }],
    });
    expect(r.quorate).toBe(false);
    expect(r.failure).toBe(QUORUM_FAILED);
    expect(r.candidates.every((c) => !c.elected)).toBe(true);
  });

  it('elects at most the seats, by votes, and only above half of those who should attend', () => {
    const r = electionResult({
      shouldAttend: 20,
      present: 18,
      seats: 3,
      candidates: [{ votesFor: 11 }, { votesFor: 17 }, { votesFor: 10 }, { votesFor: 15 }, { votesFor: 12 }],
    });
    expect(r.candidates.map((c) => c.elected)).toEqual([false, true, false, true, true]);
    expect(r.candidates[2].majority).toBe(false); // 10 of 20 is not more than half
    expect(r.failure).toBeNull();
  });

  it('elects none of a tie at the last seat and says a new ballot is needed', () => {
    const r = electionResult({
      shouldAttend: 20,
      present: 18,
      seats: 2,
      candidates: [{ votesFor: 17 }, { votesFor: 13 }, { votesFor: 13 }],
    });
    expect(r.candidates.map((c) => [c.elected, c.tie])).toEqual([
      [true, false],
      [false, true],
      [false, true],
    ]);
    expect(r.notes.join()).toContain('再次投票');
  });

  it('fails when nobody has the majority, and notes unfilled seats otherwise', () => {
    expect(electionResult({ shouldAttend: 9, present: 8, seats: 1, candidates: [{ votesFor: 4 }] }).failure).toBe(NO_MAJORITY);
    const r = electionResult({ shouldAttend: 9, present: 8, seats: 3, candidates: [{ votesFor: 5 }, { votesFor: 4 }, { votesFor: 3 }] });
    expect(r.failure).toBeNull();
    expect(r.notes.join()).toContain('少于应选名额');
  });
});

describe('candidate surplus (第十三条, a warning for committees)', () => {
  it.each([
    [3, 3, true],
    [3, 4, false],
    [5, 5, true],
    [5, 6, false],
    [7, 8, true],
    [7, 9, false],
    [1, 1, false],
    [2, 2, false],
  ])('%i seats, %i candidates: warning %s', (seats, candidates, warn) => {
    expect(surplusWarning(seats, candidates) !== null).toBe(warn);
  });
  it('names the article and the least number of candidates', () => {
    expect(surplusWarning(5, 5)).toContain('不少于 6 名');
    expect(surplusWarning(5, 5)).toContain('第十三条');
  });
});

describe('who votes (第五条)', () => {
  it.each([
    ['full', 'normal', true],
    ['full', 'flowing', true],
    ['full', 'lost_contact', true],
    ['probationary', 'normal', false],
    ['full', 'suspended', false],
    ['full', 'left', false],
  ])('%s member, %s: votes = %s', (category, status, votes) => {
    expect(hasVote({ category, status })).toBe(votes);
  });
});

describe('reminder, request window, report (RULES.md §4)', () => {
  it('reminds 6 months before the end and asks for the request between 4 and 2 months before', () => {
    expect(reminderOn('2027-06-30')).toBe('2026-12-30');
    expect(requestWindow('2027-06-30')).toEqual({ from: '2027-02-28', by: '2027-04-30' });
    expect(reportDueOn('2026-12-31')).toBe('2027-01-31');
    expect(reportDueOn('2027-01-31')).toBe('2027-02-28');
  });

  it.each([
    ['2027-06-30', false, '2026-12-29', 'normal'],
    ['2027-06-30', false, '2026-12-30', 'ending'],
    ['2027-06-30', false, '2027-02-28', 'request_window'],
    ['2027-06-30', false, '2027-06-30', 'request_window'],
    ['2027-06-30', false, '2027-07-01', 'overdue'],
    ['2027-06-30', true, '2027-05-01', 'delayed'],
    ['2027-06-30', true, '2027-07-01', 'overdue'],
  ] as const)('a term ending %s (delay approved: %s) on %s is %s', (endsOn, delayed, today, state) => {
    expect(termState({ endsOn, delayed }, today)).toBe(state);
  });

  it('counts the days left, negative when overdue', () => {
    expect(daysLeft('2026-12-01', '2026-11-24')).toBe(7);
    expect(daysLeft('2026-11-20', '2026-11-24')).toBe(-4);
  });
});

describe('advancing or delaying an election (第三条: at most 1 year, higher approval)', () => {
  const base = { regularEnd: '2026-12-31', currentEnd: '2026-12-31' };
  it.each([
    ['delay', '2027-12-31', null],
    ['delay', '2028-01-01', '不超过 1 年'],
    ['delay', '2026-12-31', '应晚于'],
    ['advance', '2025-12-31', null],
    ['advance', '2025-12-30', '不超过 1 年'],
    ['advance', '2027-01-05', '应早于'],
  ] as const)('%s to %s → %s', (kind, newEnd, problem) => {
    const p = adjustmentProblem({ ...base, kind, newEnd });
    if (problem === null) expect(p).toBeNull();
    else expect(p).toContain(problem);
  });

  it('counts a second delay from the regular end, so delays cannot add up past 1 year', () => {
    expect(adjustmentProblem({ kind: 'delay', regularEnd: '2026-12-31', currentEnd: '2027-06-30', newEnd: '2028-03-01' })).toContain(
      '第三条',
    );
    expect(adjustmentProblem({ kind: 'delay', regularEnd: '2026-12-31', currentEnd: '2027-06-30', newEnd: '2027-10-01' })).toBeNull();
  });
});
