import { describe, expect, it } from 'vitest';
import {
  addMonths,
  branchVote,
  checkStep,
  nextDue,
  probationEnd,
  progress,
  stepPassed,
  voteProblems,
  type StepInput,
  type StepRecord,
} from './development';
import { DEV_RULES_2014, ruleSetOn, type DevRuleSet } from './development-rule-sets';
import { DEV_STEPS } from './development-steps';

const SETS = [DEV_RULES_2014];
const done = (stepNo: number, doneOn: string, extra: Partial<StepRecord> = {}): StepRecord => ({ stepNo, doneOn, passed: true, ...extra });
const codes = (records: StepRecord[], input: StepInput, sets: DevRuleSet[] = SETS, birthDate = '1995-05-01') =>
  checkStep({ birthDate, records, sets, today: '2030-01-01' }, input).map((v) => v.code);

/** A person walked through steps 1..upTo with plausible dates (admitted 2024-03-01). */
function walk(upTo: number): StepRecord[] {
  const dates: Record<number, string> = {
    1: '2022-01-10',
    2: '2022-01-25',
    3: '2022-03-01',
    4: '2022-03-10',
    5: '2022-03-15',
    6: '2022-09-01',
    7: '2023-03-10',
    8: '2023-03-20',
    9: '2023-04-01',
    10: '2023-06-01',
    11: '2023-07-01',
    12: '2023-12-01',
    13: '2024-01-10',
    14: '2024-02-01',
    15: '2024-03-01',
    16: '2024-03-20',
    17: '2024-04-15',
    18: '2024-04-30',
    19: '2024-05-05',
    20: '2024-05-10',
    21: '2024-09-01',
    22: '2025-02-20',
    23: '2025-03-05',
    24: '2025-04-01',
    25: '2025-04-10',
  };
  const out: StepRecord[] = [];
  for (let s = 1; s <= upTo; s++) {
    out.push(done(s, dates[s], s === 23 ? { outcome: 'full' } : {}));
    if (s === 6) out.push(done(6, '2023-02-20'));
  }
  return out;
}

describe('branchVote (细则第二十二条: quorum over half of those who should attend; passes over half of them)', () => {
  it.each([
    // shouldAttend, present, inFavor → quorate, passed
    [10, 5, 5, false, false], // half present is not more than half
    [10, 6, 6, true, true],
    [10, 6, 5, true, false], // 5 of 10 is not a majority even though 5 of 6 present said yes
    [10, 10, 5, true, false],
    [10, 10, 6, true, true],
    [9, 5, 5, true, true],
    [9, 4, 4, false, false],
    [1, 1, 1, true, true],
  ])('%i should attend, %i present, %i in favour → quorate %s, passed %s', (shouldAttend, present, inFavor, quorate, passed) => {
    expect(branchVote({ shouldAttend, present, inFavor })).toEqual({ quorate, passed });
  });

  it('finds counts that cannot be true of one meeting', () => {
    expect(voteProblems({ shouldAttend: 10, present: 11, inFavor: 5 }).map((p) => p.field)).toEqual(['present']);
    expect(voteProblems({ shouldAttend: 10, present: 6, inFavor: 5, against: 1, abstain: 1 }).map((p) => p.field)).toEqual(['inFavor']);
    expect(voteProblems({ shouldAttend: 10, present: 6, inFavor: 4, against: 1, abstain: 1 })).toEqual([]);
  });
});

describe('probationEnd (党章第七条: one year from the 支部大会, extended once by 6–12 months)', () => {
  it.each([
    ['2024-03-01', undefined, '2025-03-01'],
    ['2024-03-01', 0, '2025-03-01'],
    ['2024-02-29', undefined, '2025-02-28'], // no 29 February in 2025: the last day of February, not 1 March
    ['2024-02-29', 6, '2025-08-29'], // counted from the admission date, not from the clamped end
    ['2024-03-01', 6, '2025-09-01'],
    ['2024-03-01', 12, '2026-03-01'],
    ['2023-08-31', 6, '2025-02-28'],
  ])('%s + extension %s → %s', (admitted, ext, end) => {
    expect(probationEnd(admitted, ext as number | undefined)).toBe(end);
  });

  it.each([5, 13, -6, 6.5])('refuses an extension of %s months', (ext) => {
    expect(() => probationEnd('2024-03-01', ext)).toThrow(RangeError);
  });
});

describe('checkStep: order and dates', () => {
  it('lists the 25 steps in 5 stages', () => {
    expect(DEV_STEPS.map((s) => s.no)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(new Set(DEV_STEPS.map((s) => s.stage))).toEqual(new Set([1, 2, 3, 4, 5]));
  });

  it('refuses a step out of order, naming the step that is due', () => {
    const v = checkStep(
      { birthDate: '1995-05-01', records: walk(2), sets: SETS, today: '2030-01-01' },
      { stepNo: 5, doneOn: '2022-03-20' },
    );
    expect(v[0].code).toBe('STEP_ORDER');
    expect(v[0].message).toContain('第3步「推荐和确定入党积极分子」');
  });

  it('refuses a date before the previous step and one in the future', () => {
    expect(codes(walk(3), { stepNo: 4, doneOn: '2022-02-01' })).toEqual(['DATE_ORDER']);
    expect(
      checkStep({ birthDate: null, records: walk(3), sets: SETS, today: '2022-03-05' }, { stepNo: 4, doneOn: '2022-03-10' }).map(
        (v) => v.code,
      ),
    ).toEqual(['FUTURE_DATE']);
  });
});

describe('checkStep: the time and count rules of RULES.md §1', () => {
  it.each<[string, StepRecord[], StepInput, string[], string?]>([
    ['applicant aged exactly 18 may apply', [], { stepNo: 1, doneOn: '2013-05-01' }, []],
    ['applicant one day short of 18 may not', [], { stepNo: 1, doneOn: '2013-04-30' }, ['TOO_YOUNG'], '1995-05-01'],
    ['talk on the last day of the month is in time', walk(1), { stepNo: 2, doneOn: '2022-02-10' }, []],
    ['talk a day later is late (第七条)', walk(1), { stepNo: 2, doneOn: '2022-02-11' }, ['TALK_LATE']],
    ['one 培养联系人', walk(4), { stepNo: 5, doneOn: '2022-03-15', people: [m(1)] }, []],
    ['three 培养联系人 are too many', walk(4), { stepNo: 5, doneOn: '2022-03-15', people: [m(1), m(2), m(3)] }, ['PEOPLE_COUNT']],
    [
      'a 预备党员 cannot be a 培养联系人',
      walk(4),
      { stepNo: 5, doneOn: '2022-03-15', people: [m(1, 'probationary')] },
      ['PEOPLE_NOT_FULL'],
    ],
    ['assessment within half a year', walk(5), { stepNo: 6, doneOn: '2022-09-01' }, []],
    ['assessment after more than half a year is late', walk(5), { stepNo: 6, doneOn: '2022-09-02' }, ['ASSESSMENT_LATE']],
    ['candidate exactly one year after becoming an activist', walk(6), { stepNo: 7, doneOn: '2023-03-01' }, []],
    ['candidate one day short of a year (第十三条)', walk(6), { stepNo: 7, doneOn: '2023-02-28' }, ['CANDIDATE_TOO_EARLY']],
    ['two full introducers', walk(8), { stepNo: 9, doneOn: '2023-04-01', people: [m(1), m(2)] }, []],
    ['one introducer is not enough', walk(8), { stepNo: 9, doneOn: '2023-04-01', people: [m(1)] }, ['PEOPLE_COUNT']],
    [
      'a 预备党员 cannot introduce',
      walk(8),
      { stepNo: 9, doneOn: '2023-04-01', people: [m(1), m(2, 'probationary')] },
      ['PEOPLE_NOT_FULL'],
    ],
    [
      'a member whose membership is suspended cannot introduce',
      walk(8),
      { stepNo: 9, doneOn: '2023-04-01', people: [m(1), { ...m(2), goodStanding: false }] },
      ['PEOPLE_STANDING'],
    ],
    ['政治审查 needs a conclusion', walk(9), { stepNo: 10, doneOn: '2023-06-01' }, ['REVIEW_RESULT']],
    ['3 days of training suffice', walk(10), { stepNo: 11, doneOn: '2023-07-01', trainingDays: 3 }, []],
    ['24 学时 suffice', walk(10), { stepNo: 11, doneOn: '2023-07-01', trainingDays: 2, trainingHours: 24 }, []],
    [
      '2 days and 23 学时 do not (第十七条)',
      walk(10),
      { stepNo: 11, doneOn: '2023-07-01', trainingDays: 2, trainingHours: 23 },
      ['TRAINING_SHORT'],
    ],
    ['leaving within 3 months (第十九条)', walk(11), { stepNo: 12, doneOn: '2023-12-01', leavingSoon: true }, ['LEAVING_SOON']],
    [
      'a meeting without a quorum is refused',
      walk(14),
      { stepNo: 15, doneOn: '2024-03-01', vote: { shouldAttend: 10, present: 5, inFavor: 5 } },
      ['NOT_QUORATE'],
    ],
    ['approval within 3 months of the 支部大会', walk(16), { stepNo: 17, doneOn: '2024-06-01' }, []],
    ['approval in the 4th month needs a special case (第二十五条)', walk(16), { stepNo: 17, doneOn: '2024-06-02' }, ['APPROVAL_LATE']],
    ['approval after 6 months is refused', walk(16), { stepNo: 17, doneOn: '2024-09-02' }, ['APPROVAL_TOO_LATE']],
    [
      '转正 discussion before probation ends',
      walk(22),
      { stepNo: 23, doneOn: '2025-02-28', vote: { shouldAttend: 10, present: 8, inFavor: 8 }, outcome: 'full' },
      ['PROBATION_NOT_ENDED'],
    ],
    [
      'extension of 13 months',
      walk(22),
      { stepNo: 23, doneOn: '2025-03-01', vote: { shouldAttend: 10, present: 8, inFavor: 8 }, outcome: 'extend', extensionMonths: 13 },
      ['EXTENSION_RANGE'],
    ],
    ['转正 approval within 3 months (第三十三条)', walk(23), { stepNo: 24, doneOn: '2025-06-05' }, []],
    ['转正 approval after 3 months is late', walk(23), { stepNo: 24, doneOn: '2025-06-06' }, ['FULL_APPROVAL_LATE']],
  ])('%s', (_name, records, input, expected, birthDate) => {
    expect(codes(records, input, SETS, birthDate ?? '1995-05-01')).toEqual(expected);
  });

  it('cites the article in the message of every refusal', () => {
    const [v] = checkStep(
      { birthDate: '1995-05-01', records: walk(6), sets: SETS, today: '2030-01-01' },
      { stepNo: 7, doneOn: '2023-02-25' },
    );
    expect(v.message).toBe(
      '确定为入党积极分子（2022-03-01）至今不足一年，最早可于 2023-03-01 列为发展对象（《中国共产党发展党员工作细则》第十三条）',
    );
    expect(v.overridable).toBe(false);
  });

  it('allows an override only where the regulation allows 特殊情况', () => {
    const over = (records: StepRecord[], input: StepInput) =>
      checkStep({ birthDate: '1995-05-01', records, sets: SETS, today: '2030-01-01' }, input).map((v) => v.overridable);
    expect(over(walk(16), { stepNo: 17, doneOn: '2024-06-02' })).toEqual([true]);
    expect(over(walk(16), { stepNo: 17, doneOn: '2024-09-02' })).toEqual([false]);
    expect(over(walk(10), { stepNo: 11, doneOn: '2023-07-01' })).toEqual([true]);
  });

  it('extends probation once only', () => {
    const extended = [
      ...walk(22),
      done(23, '2025-03-05', { outcome: 'extend', extensionMonths: 6 }),
      done(24, '2025-04-01'),
      done(22, '2025-08-20'),
    ];
    const p = progress(extended, SETS);
    expect(p.probationEnd).toBe('2025-09-01');
    expect(
      codes(extended, {
        stepNo: 23,
        doneOn: '2025-09-01',
        vote: { shouldAttend: 10, present: 8, inFavor: 8 },
        outcome: 'extend',
        extensionMonths: 6,
      }),
    ).toEqual(['EXTENSION_TWICE']);
    expect(
      codes(extended, { stepNo: 23, doneOn: '2025-08-31', vote: { shouldAttend: 10, present: 8, inFavor: 8 }, outcome: 'full' }),
    ).toEqual(['PROBATION_NOT_ENDED']);
  });
});

describe('progress and nextDue', () => {
  it('moves the status with the steps and dates 转正 at the end of probation (党章第七条)', () => {
    expect(progress(walk(2), SETS).status).toBe('applicant');
    expect(progress(walk(3), SETS).status).toBe('activist');
    expect(progress(walk(7), SETS).status).toBe('candidate');
    expect(progress(walk(17), SETS)).toMatchObject({ status: 'probationary', admittedOn: '2024-03-01', probationEnd: '2025-03-01' });
    expect(progress(walk(24), SETS)).toMatchObject({ status: 'full', fullOn: '2025-03-01', allowedNext: [25] });
  });

  it('does not advance on a 支部大会 that did not pass', () => {
    const input: StepInput = { stepNo: 15, doneOn: '2024-03-01', vote: { shouldAttend: 10, present: 5 + 1, inFavor: 5 } };
    expect(stepPassed(input)).toBe(false);
    const p = progress([...walk(14), { stepNo: 15, doneOn: '2024-03-01', passed: false }], SETS);
    expect(p.lastStep).toBe(14);
    expect(p.allowedNext).toEqual([15]);
  });

  it('gives the talk deadline, the candidate window and the approval deadline', () => {
    expect(nextDue(progress(walk(1), SETS), SETS)).toEqual({ stepNo: 2, from: null, by: '2022-02-10' });
    expect(nextDue(progress(walk(6), SETS), SETS)).toEqual({ stepNo: 7, from: '2023-03-01', by: '2023-08-20' });
    expect(nextDue(progress(walk(15), SETS), SETS)).toEqual({ stepNo: 16, from: null, by: '2024-06-01' });
    expect(nextDue(progress(walk(22), SETS), SETS)).toEqual({ stepNo: 23, from: '2025-03-01', by: null });
    expect(nextDue(progress(walk(25), SETS), SETS)).toBeNull();
  });
});

describe('versioned rule sets', () => {
  const REV_2026: DevRuleSet = {
    ...DEV_RULES_2014,
    version: '2026',
    effectiveFrom: '2026-06-01',
    title: '《中国共产党发展党员工作细则》（2026年修订，测试数值）',
    numbers: { ...DEV_RULES_2014.numbers, activistMinMonths: 18 },
    articles: { ...DEV_RULES_2014.articles, candidateYear: '《中国共产党发展党员工作细则》第十四条' },
  };
  const sets = [DEV_RULES_2014, REV_2026];
  const activist = (on: string) => [
    done(1, '2024-01-01'),
    done(2, '2024-01-10'),
    done(3, on),
    done(4, on),
    done(5, on),
    done(6, on),
    done(6, addMonths(on, 6)),
    done(6, addMonths(on, 12)),
  ];

  it('picks the set in force on the date', () => {
    expect(ruleSetOn('2026-05-31', sets).version).toBe('2014');
    expect(ruleSetOn('2026-06-01', sets).version).toBe('2026');
  });

  it('applies the later numbers and article only to steps dated on or after its effective date', () => {
    // 13 months as an activist: enough before 2026-06-01, not enough after it.
    expect(codes(activist('2025-04-15'), { stepNo: 7, doneOn: '2026-05-20' }, sets)).toEqual([]);
    const after = checkStep(
      { birthDate: '1990-01-01', records: activist('2025-05-10'), sets, today: '2030-01-01' },
      { stepNo: 7, doneOn: '2026-06-15' },
    );
    expect(after.map((v) => v.code)).toEqual(['CANDIDATE_TOO_EARLY']);
    expect(after[0].message).toContain('最早可于 2026-11-10');
    expect(after[0].message).toContain('第十四条');
  });
});

function m(id: number, category: 'full' | 'probationary' = 'full') {
  return { memberId: id, name: `党员${id}`, category, goodStanding: true };
}
