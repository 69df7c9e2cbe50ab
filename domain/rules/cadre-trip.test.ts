import { describe, expect, it } from 'vitest';
import { passportDueOn, TRIP_RULES, tripDateProblems, tripRulesOn } from './cadre-trip';

describe('passportDueOn (证件回国（境）后 10 日内交回, local rule as versioned data)', () => {
  it.each([
    ['2026-10-07', '2026-10-17'],
    ['2026-12-25', '2027-01-04'], // across the year end
    ['2028-02-25', '2028-03-06'], // across a leap day
  ])('back on %s → due on %s', (back, due) => {
    expect(passportDueOn(back).dueOn).toBe(due);
  });

  it('takes the set in force on the return day', () => {
    const stricter = { version: 'local-7d', effectiveFrom: '2027-01-01', returnDays: 7, source: 'test' };
    const sets = [...TRIP_RULES, stricter];
    expect(passportDueOn('2026-12-31', sets).dueOn).toBe('2027-01-10');
    expect(passportDueOn('2027-01-01', sets).dueOn).toBe('2027-01-08');
    expect(tripRulesOn('2000-01-01', sets).version).toBe('local-10d');
  });

  it('refuses an invalid date', () => {
    expect(() => passportDueOn('2026-02-30')).toThrow(RangeError);
  });
});

describe('tripDateProblems', () => {
  it.each([
    [{ appliedOn: '2026-09-01', departOn: '2026-10-01', returnOn: '2026-10-07' }, []],
    [{ appliedOn: '2026-09-01', departOn: '2026-10-08', returnOn: '2026-10-07' }, ['returnOn']],
    [{ appliedOn: '2026-10-02', departOn: '2026-10-01', returnOn: '2026-10-07' }, ['departOn']],
  ])('%o → %o', (t, fields) => {
    expect(tripDateProblems(t).map(([f]) => f)).toEqual(fields);
  });
});
