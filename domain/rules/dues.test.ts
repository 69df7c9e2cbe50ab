import { describe, expect, it } from 'vitest';
import {
  addMonths,
  arrearsLevel,
  arrearsOf,
  baseInForce,
  duesStartMonth,
  goesToCentre,
  monthRange,
  monthlyDuesFen,
  monthsBetween,
  type DuesCategory,
  type DuesRounding,
} from './dues';

describe('monthlyDuesFen (中组发〔2008〕3号 art. 2, 5, 6)', () => {
  it.each<[string, DuesCategory, number, number]>([
    ['art. 2 example: 5400 元 after tax → 1.5% of the whole base → 81 元', 'employed', 540_000, 8_100],
    ['3000 元 exactly is still the 0.5% band', 'employed', 300_000, 1_500],
    ['3000.01 元 moves the whole base to 1%', 'employed', 300_001, 3_000],
    ['5000 元 exactly is 1%', 'employed', 500_000, 5_000],
    ['5000.01 元 is 1.5%', 'employed', 500_001, 7_500],
    ['10000 元 exactly is 1.5%', 'employed', 1_000_000, 15_000],
    ['10000.01 元 is 2% of the whole base, not progressive', 'employed', 1_000_001, 20_000],
    ['a small salary of 2100 元 → 10.50 元', 'employed', 210_000, 1_050],
    ['no income still pays nothing at 0.5%', 'employed', 0, 0],
    ['art. 5: pension 5000 元 exactly → 0.5%', 'retired', 500_000, 2_500],
    ['art. 5: pension 5000.01 元 → 1%', 'retired', 500_001, 5_000],
    ['art. 5: pension 3800 元 → 19 元', 'retired', 380_000, 1_900],
    ['art. 6: farmers pay the provincial amount, 0.2 元 by default', 'farmer', 0, 20],
    ['art. 6: students 0.2 元 whatever the base', 'student', 99_999, 20],
    ['art. 6: laid-off or unemployed 0.2 元', 'unemployed', 0, 20],
    ['art. 6: on relief or 低保 0.2 元', 'relief', 0, 20],
  ])('%s', (_name, category, baseFen, expected) => {
    expect(monthlyDuesFen(category, baseFen)).toBe(expected);
  });

  it.each<[DuesRounding, number, number]>([
    // 3333.33 元 × 1% = 33.3333 元
    ['half_up', 333_333, 3_333],
    ['floor', 333_333, 3_333],
    ['ceil', 333_333, 3_334],
    ['jiao_half_up', 333_333, 3_330],
    // 2345.67 元 × 0.5% = 11.72835 元
    ['half_up', 234_567, 1_173],
    ['floor', 234_567, 1_172],
    ['jiao_half_up', 234_567, 1_170],
    // exactly half a fen rounds up: 2001 元 × 0.5% = 10.005 元
    ['half_up', 200_100, 1_001],
    ['floor', 200_100, 1_000],
  ])('rounds %s: base %i fen → %i fen', (rounding, baseFen, expected) => {
    expect(monthlyDuesFen('employed', baseFen, { rounding })).toBe(expected);
  });

  it('takes the province-set farmer amount within 0.2–1 元', () => {
    expect(monthlyDuesFen('farmer', 0, { farmerFen: 50 })).toBe(50);
    expect(monthlyDuesFen('farmer', 0, { farmerFen: 500 })).toBe(100);
    expect(monthlyDuesFen('farmer', 0, { farmerFen: 1 })).toBe(20);
  });

  it('refuses a fractional or negative base', () => {
    expect(() => monthlyDuesFen('employed', 1.5)).toThrow(RangeError);
    expect(() => monthlyDuesFen('employed', -1)).toThrow(RangeError);
  });
});

describe('dues months and bases', () => {
  it('art. 8: a probationary member pays from the month of the 支部大会', () => {
    expect(duesStartMonth('2026-04-18', '2026-01')).toBe('2026-04');
    expect(duesStartMonth('2019-04-18', '2026-01')).toBe('2026-01');
    expect(duesStartMonth(null, '2026-01')).toBe('2026-01');
  });

  it('art. 10: a changed base applies from its own month on', () => {
    const bases = [
      { effectiveFrom: '2026-01', fen: 1 },
      { effectiveFrom: '2026-07', fen: 2 },
    ];
    expect(baseInForce(bases, '2025-12')).toBeNull();
    expect(baseInForce(bases, '2026-06')?.fen).toBe(1);
    expect(baseInForce(bases, '2026-07')?.fen).toBe(2);
    expect(baseInForce(bases, '2026-11')?.fen).toBe(2);
  });

  it('counts months across a year end', () => {
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(monthsBetween('2025-11', '2026-02')).toBe(3);
    expect(monthRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthRange('2026-02', '2026-01')).toEqual([]);
  });

  it('art. 11: one voluntary payment of 1000 元 or more goes to the centre', () => {
    expect(goesToCentre(99_999)).toBe(false);
    expect(goesToCentre(100_000)).toBe(true);
  });
});

describe('arrears (党章第九条, warned long before six months)', () => {
  it.each<[number, string]>([
    [0, 'none'],
    [1, 'notice'],
    [2, 'notice'],
    [3, 'warning'],
    [4, 'warning'],
    [5, 'urgent'],
    [6, 'lapsed'],
    [9, 'lapsed'],
  ])('%i consecutive unpaid months → %s', (n, level) => expect(arrearsLevel(n)).toBe(level));

  it('follows configured thresholds', () => {
    expect(arrearsLevel(2, { warnMonths: 2, urgentMonths: 4, lapseMonths: 6 })).toBe('warning');
  });

  it('counts unpaid, owed, the oldest unpaid month and the trailing run', () => {
    const a = arrearsOf([
      { month: '2026-05', dueFen: 1000, paidFen: 0 },
      { month: '2026-01', dueFen: 1000, paidFen: 1000 },
      { month: '2026-02', dueFen: 1000, paidFen: 0 },
      { month: '2026-03', dueFen: 1000, paidFen: 1000 },
      { month: '2026-04', dueFen: 1200, paidFen: 1000 },
      { month: '2026-06', dueFen: 0, paidFen: 0 },
      { month: '2026-07', dueFen: 1000, paidFen: 0 },
    ]);
    expect(a).toEqual({ unpaidMonths: 4, owedFen: 3200, oldestUnpaid: '2026-02', consecutiveUnpaid: 1 });
  });

  it('an exempted month (due 0) is not arrears', () => {
    expect(arrearsOf([{ month: '2026-01', dueFen: 0, paidFen: 0 }]).unpaidMonths).toBe(0);
  });
});
