import { describe, expect, it } from 'vitest';
import {
  attentionFirst,
  closedMonthsOfYear,
  DEFAULT_HEALTH_THRESHOLDS as TH,
  developmentSignal,
  developmentUnitLevel,
  duesRateLevel,
  duesSignal,
  duesUnitLevel,
  emptyTally,
  meetingsSignal,
  meetingsUnitLevel,
  rollupLevel,
  standardsSignal,
  standardsUnitLevel,
  tallyUnit,
  termsSignal,
  termUnitLevel,
  termUnitText,
  worstLevel,
  type DuesFacts,
  type HealthLevel,
} from './org-health';

const tally = (...levels: HealthLevel[]) => {
  const t = emptyTally();
  for (const l of levels) tallyUnit(t, l);
  return t;
};

describe('meetings of a unit (支部工作条例 第十一至十七条; warned at 3 missing in a quarter or 6 in a year, L)', () => {
  it.each([
    [0, 0, 'ok'],
    [0, 1, 'attention'], // missed last quarter, nothing this quarter
    [1, 1, 'attention'],
    [2, 5, 'attention'],
    [3, 3, 'warning'], // e.g. 支委会, 党小组会 and 主题党日 all missed in one month
    [0, 6, 'warning'], // half a year of monthly items
  ] as const)('%i missing this quarter, %i this year → %s', (quarterMissing, yearMissing, level) => {
    expect(meetingsUnitLevel({ quarterMissing, yearMissing })).toBe(level);
  });

  it('names each kind missing this quarter for one unit, and clears when nothing is missing', () => {
    const s = meetingsSignal({
      ...tally('attention'),
      quarterUnits: 1,
      quarterMissing: { theme_day: 2, committee_meeting: 1 },
      yearMissing: 4,
    });
    expect(s.level).toBe('attention');
    expect(s.reasons).toEqual(['本季度缺支部委员会会议 1 次、主题党日 2 次', '本年累计缺开 4 次']);
    expect(meetingsSignal({ ...tally('ok'), quarterUnits: 0, quarterMissing: {}, yearMissing: 0 })).toMatchObject({
      level: 'ok',
      reasons: [],
    });
  });

  it('counts the units with gaps for a group of units', () => {
    const s = meetingsSignal({
      ...tally('ok', 'ok', 'attention', 'ok'),
      quarterUnits: 1,
      quarterMissing: { theme_day: 1 },
      yearMissing: 1,
    });
    expect(s.reasons).toEqual(['1 个党支部（党小组）本季度有缺项：缺主题党日 1 次']);
  });
});

describe('a group of units (warned when ≥ 10% of its units are, L)', () => {
  it.each([
    [tally(), 'ok'],
    [tally('ok', 'ok'), 'ok'],
    [tally('attention', 'ok'), 'attention'],
    [tally('warning'), 'warning'], // one unit keeps its own level
    [tally(...Array(9).fill('ok'), 'warning'), 'warning'], // 1 of 10 = 10%
    [tally(...Array(10).fill('ok'), 'warning'), 'attention'], // 1 of 11 < 10%
  ] as const)('%j → %s', (t, level) => {
    expect(rollupLevel(t)).toBe(level);
  });

  it('takes the worst of two levels', () => {
    expect(worstLevel('ok', 'attention')).toBe('attention');
    expect(worstLevel('warning', 'attention', 'ok')).toBe('warning');
    expect(worstLevel()).toBe('ok');
  });
});

describe('terms (任期意见 2018; 选举工作条例 第三条; the reminder about 6 months before the end)', () => {
  it.each([
    ['normal', false, 'ok'],
    ['ending', false, 'attention'], // within 6 months, no request yet
    ['request_window', false, 'attention'],
    ['request_window', true, 'ok'], // the election request is under way
    ['delayed', false, 'ok'], // approved by the higher organization, at most 1 year
    ['overdue', true, 'warning'], // past the end: overdue even with a request under way
    ['missing', false, 'attention'],
  ] as const)('%s (election under way: %s) → %s', (state, electionUnderWay, level) => {
    expect(termUnitLevel({ state, electionUnderWay })).toBe(level);
  });

  it('says how many days an election is overdue, and how many are left', () => {
    expect(termUnitText({ orgName: '某支部', state: 'overdue', endsOn: '2026-10-10', electionUnderWay: false }, '2026-11-24')).toBe(
      '换届已逾期 45 天（任期 2026-10-10 届满）',
    );
    expect(termUnitText({ orgName: '某支部', state: 'ending', endsOn: '2027-03-01', electionUnderWay: false }, '2026-11-24')).toBe(
      '任期将于 2027-03-01 届满（还有 97 天），尚未提出换届请示',
    );
    const one = termsSignal(
      {
        ...tally('warning'),
        overdue: 1,
        maxOverdueDays: 45,
        ending: 0,
        missing: 0,
        only: { orgName: '某支部', state: 'overdue', endsOn: '2026-10-10', electionUnderWay: false },
      },
      '2026-11-24',
    );
    expect(one).toMatchObject({ level: 'warning', reasons: ['换届已逾期 45 天（任期 2026-10-10 届满）'] });
  });

  it('sums a group: overdue, ending soon, not recorded', () => {
    const s = termsSignal(
      {
        ...tally('warning', 'attention', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'),
        overdue: 1,
        maxOverdueDays: 120,
        ending: 1,
        missing: 0,
        only: null,
      },
      '2026-11-24',
    );
    expect(s).toMatchObject({
      level: 'attention',
      reasons: ['1 个组织换届已逾期（最长 120 天）', '1 个组织任期 6 个月内届满，尚未提出换届请示'],
    });
  });
});

describe('dues (中组发〔2008〕3号 monthly; 党章第九条 six months unpaid; rate lines 95% and 80%, L)', () => {
  it.each([
    [{ warned: 0, urgent: 0, lapsed: 0 }, 'ok'],
    [{ warned: 3, urgent: 0, lapsed: 0 }, 'attention'], // 3 members 3 months behind
    [{ warned: 0, urgent: 1, lapsed: 0 }, 'attention'],
    [{ warned: 0, urgent: 0, lapsed: 1 }, 'warning'], // six months: 党章第九条
  ] as const)('arrears %j → %s', (a, level) => {
    expect(duesUnitLevel(a)).toBe(level);
  });

  it.each([
    [0, 0, 'ok'],
    [10000, 10000, 'ok'],
    [10000, 9500, 'ok'],
    [10000, 9499, 'attention'],
    [10000, 8000, 'attention'],
    [10000, 7999, 'warning'],
  ] as const)('due %i fen, paid %i fen → %s', (due, paid, level) => {
    expect(duesRateLevel(due, paid)).toBe(level);
  });

  const facts = (f: Partial<DuesFacts>): DuesFacts => ({
    ...tally('ok'),
    warned: 0,
    urgent: 0,
    lapsed: 0,
    dueFen: 100000,
    paidFen: 100000,
    from: '2026-01',
    to: '2026-10',
    warnMonths: 3,
    lapseMonths: 6,
    ...f,
  });

  it('gives the members in arrears and the rate', () => {
    expect(duesSignal(facts({ ...tally('warning'), warned: 2, lapsed: 1, paidFen: 90000 }))).toMatchObject({
      level: 'warning',
      reasons: ['3 名党员连续欠缴党费满 3 个月（其中满 6 个月 1 名）', '本年收缴率 90.0%（2026-01 至 2026-10）'],
    });
    expect(duesSignal(facts({ paidFen: 99000 }))).toMatchObject({
      level: 'ok',
      reasons: [],
      summary: '本年收缴率 99.0%（2026-01 至 2026-10）',
    });
  });

  it('reads the rate over the closed months of the year, last year in January', () => {
    expect(closedMonthsOfYear('2026-10')).toEqual({ from: '2026-01', to: '2026-10' });
    expect(closedMonthsOfYear('2025-12')).toEqual({ from: '2025-01', to: '2025-12' });
  });
});

describe('development (发展党员工作细则: each step on time; warned past 30 days, L)', () => {
  it.each([
    [0, 0, 'ok'],
    [1, 5, 'attention'],
    [2, 30, 'attention'],
    [1, 31, 'warning'],
  ] as const)('%i overdue, the longest %i days → %s', (overdue, maxOverdueDays, level) => {
    expect(developmentUnitLevel({ overdue, maxOverdueDays })).toBe(level);
  });

  it('says how many and how late', () => {
    expect(developmentSignal({ ...tally('warning'), inPipeline: 4, overdue: 2, maxOverdueDays: 45 })).toMatchObject({
      level: 'warning',
      reasons: ['2 人发展党员步骤逾期（最长 45 天）'],
    });
    expect(developmentSignal({ ...tally('ok'), inPipeline: 4, overdue: 0, maxOverdueDays: 0 }).summary).toBe('4 人在培养中，无逾期');
  });
});

describe('standards (star ratings, L: 二星 and below looked at; 软弱涣散 a warning until accepted)', () => {
  const unit = { stars: 3, ratedYear: 2025, weakYear: null, weakOverdueTasks: 0 };
  it.each([
    [unit, 'ok'],
    [{ ...unit, stars: null, ratedYear: null }, 'ok'],
    [{ ...unit, stars: TH.lowStars }, 'attention'],
    [{ ...unit, stars: 1 }, 'attention'],
    [{ ...unit, weakYear: 2026 }, 'warning'],
  ] as const)('%j → %s', (u, level) => {
    expect(standardsUnitLevel(u)).toBe(level);
  });

  it('names the weak year and the rating', () => {
    const s = standardsSignal({
      ...tally('warning'),
      weak: 1,
      weakOverdueTasks: 2,
      lowStars: 1,
      rated: 1,
      only: { stars: 2, ratedYear: 2025, weakYear: 2026, weakOverdueTasks: 2 },
    });
    expect(s.reasons).toEqual(['列为 2026 年度软弱涣散党组织，整改中（2 项整改任务逾期）', '2025 年度评定为二星']);
    expect(standardsSignal({ ...tally('ok'), weak: 0, weakOverdueTasks: 0, lowStars: 0, rated: 1, only: unit })).toMatchObject({
      level: 'ok',
      summary: '2025 年度评定为三星',
    });
  });
});

describe('needs attention first (an order of organizations by their signals, never a score)', () => {
  it('puts the most 预警, then the most 关注, first and keeps the tree order among equals', () => {
    const rows = [
      { id: 'a', warnings: 0, attentions: 2 },
      { id: 'b', warnings: 1, attentions: 0 },
      { id: 'c', warnings: 0, attentions: 2 },
      { id: 'd', warnings: 1, attentions: 3 },
      { id: 'e', warnings: 0, attentions: 0 },
    ];
    expect(attentionFirst(rows).map((r) => r.id)).toEqual(['d', 'b', 'a', 'c', 'e']);
    expect(rows.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
