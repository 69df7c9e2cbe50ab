import { describe, expect, it } from 'vitest';
import { checkEligibility, currentLevel, monthsAtLevel, type CadreRecord } from './cadre-eligibility';

// A 副处 since 2023-03-01 (decision date), two 乡科级 posts before, 本科, training done: ready for 正处 in 2026.
const deputy = (over: Partial<CadreRecord> = {}): CadreRecord => ({
  workStartedOn: '2008-07-01',
  grassrootsYears: 4,
  posts: [
    { title: '某镇副镇长', level: '副科', from: '2012-05-01', to: '2016-04-01' },
    { title: '某局办公室主任', level: '正科', from: '2016-04-01', to: '2023-03-01' },
    { title: '某局副局长', level: '副处', from: '2023-03-01' },
  ],
  education: '大学本科',
  training: { hoursLastFiveYears: 600, hoursLastYear: 120 },
  probations: [{ from: '2023-03-01', to: '2024-03-01' }],
  lastPromotion: { on: '2023-03-01', exceptional: false },
  demotions: [],
  grades: { 2023: '称职', 2024: '优秀', 2025: '称职' },
  sanctions: [],
  ...over,
});
const on = '2026-12-04';
const failed = (r: ReturnType<typeof checkEligibility>) => r.findings.filter((f) => !f.met).map((f) => f.rule);

describe('checkEligibility: the 第八条 qualifications', () => {
  it('passes a 副处 of 3 years for 正处, every finding met and cited', () => {
    const r = checkEligibility(deputy(), { level: '正处' }, on);
    expect(r.ok).toBe(true);
    expect(failed(r)).toEqual([]);
    expect(r.findings.every((f) => f.article.startsWith('《'))).toBe(true);
  });

  it.each([
    // deputy since, months as deputy on 2026-12-04, ok
    ['2024-12-04', 24, true],
    ['2024-12-05', 23, false], // one day short of two years
  ])('deputy → principal: 副处 since %s is %i months → ok %s', (since, m, ok) => {
    const c = deputy({
      posts: [
        ...deputy()
          .posts.slice(0, 2)
          .map((p) => ({ ...p, to: since })),
        { title: '副局长', level: '副处', from: since },
      ],
    });
    expect(monthsAtLevel(c, '副处', on)).toBe(m);
    const r = checkEligibility(c, { level: '正处' }, on);
    expect(r.ok).toBe(ok);
    if (!ok) expect(r.findings.find((f) => f.rule === 'deputy-years')?.reason).toContain('两年以上');
  });

  it.each([
    ['2023-12-04', true], // 36 months as 正科
    ['2024-01-01', false],
  ])('lower principal → higher deputy: 正科 since %s → ok %s', (since, ok) => {
    const c = deputy({
      posts: [
        { title: '副科长', level: '副科', from: '2015-01-01', to: since },
        { title: '科长', level: '正科', from: since },
      ],
      lastPromotion: { on: since, exceptional: false },
    });
    const r = checkEligibility(c, { level: '副处' }, on);
    expect(r.ok).toBe(ok);
    expect(r.findings.find((f) => f.rule === 'principal-years')?.met).toBe(ok);
  });

  it.each([
    // a qualification 破格 may set aside also asks for the 破格 reasons
    [{ workStartedOn: '2022-07-01' }, ['work-years', 'exceptional-reasons']],
    [{ grassrootsYears: 1 }, ['grassroots', 'exceptional-reasons']],
    [{ training: { hoursLastFiveYears: 500, hoursLastYear: 100 } }, ['training']],
    [{ education: '大学专科' as const }, []], // 大专 suffices below 厅局级
    [{ education: '中专' as const }, ['education']],
  ])('for 县处级: %o fails %o', (over, rules) => {
    const r = checkEligibility(deputy(over), { level: '正处' }, on);
    expect(failed(r)).toEqual(rules);
    expect(r.ok).toBe(rules.length === 0);
  });

  it('asks for 本科 at 厅局级 and two posts at the level below', () => {
    const c = deputy({
      posts: [
        { title: '副局长', level: '副处', from: '2015-01-01', to: '2020-01-01' },
        { title: '局长', level: '正处', from: '2020-01-01' },
      ],
      education: '大学专科',
      lastPromotion: { on: '2020-01-01', exceptional: false },
    });
    const r = checkEligibility(c, { level: '副厅' }, on);
    expect(failed(r)).toEqual(['education']);
    expect(r.findings.find((f) => f.rule === 'education')?.reason).toContain('大学本科');
    expect(r.findings.find((f) => f.rule === 'two-posts')?.met).toBe(true);
    const one = checkEligibility({ ...c, education: '研究生', posts: c.posts.slice(1) }, { level: '副厅' }, on);
    expect(failed(one)).toContain('two-posts');
  });

  it('lets training be completed within a year after the promotion', () => {
    const c = deputy({ training: { hoursLastFiveYears: 100, hoursLastYear: 10 } });
    expect(checkEligibility(c, { level: '正处' }, on).ok).toBe(false);
    expect(checkEligibility(c, { level: '正处' }, on, { trainingAfterPromotion: true }).ok).toBe(true);
  });

  it('counts 乡科级 training by the year (90 学时)', () => {
    const c = deputy({
      posts: [{ title: '科员', level: '副科', from: '2020-01-01' }],
      training: { hoursLastFiveYears: 0, hoursLastYear: 89 },
    });
    expect(failed(checkEligibility(c, { level: '正科' }, on))).toEqual(['training']);
  });
});

describe('checkEligibility: 破格 (never two levels, not in probation, not within a year, reasons stated)', () => {
  const young = deputy({ grassrootsYears: 1 });

  it('needs 破格 with reasons to set a qualification aside', () => {
    expect(checkEligibility(young, { level: '正处' }, on).ok).toBe(false);
    const r = checkEligibility(young, { level: '正处' }, on, { exceptional: { reasons: '在抗洪抢险中表现突出' } });
    expect(r.ok).toBe(true);
    expect(r.findings.find((f) => f.rule === 'exceptional-reasons')?.met).toBe(true);
    expect(checkEligibility(young, { level: '正处' }, on, { exceptional: { reasons: '  ' } }).ok).toBe(false);
  });

  it.each([
    [{ probations: [{ from: '2026-03-01', to: '2027-03-01' }] }, 'exceptional-probation', '试用期'],
    [{ lastPromotion: { on: '2026-01-04', exceptional: false } }, 'exceptional-after-promotion', '不满一年'],
    [{ lastPromotion: { on: '2023-03-01', exceptional: true } }, 'exceptional-consecutive', '连续破格'],
  ])('refuses 破格 for %o', (over, rule, text) => {
    const r = checkEligibility(deputy({ grassrootsYears: 1, ...over }), { level: '正处' }, on, {
      exceptional: { reasons: '工作特殊需要' },
    });
    expect(r.ok).toBe(false);
    const f = r.findings.find((x) => x.rule === rule);
    expect(f).toMatchObject({ met: false, overridable: false });
    expect(f?.reason).toContain(text);
  });

  it('allows skipping one level only by 破格, never two', () => {
    const c = deputy({
      posts: [{ title: '副科长', level: '副科', from: '2015-01-01' }],
      lastPromotion: { on: '2015-01-01', exceptional: false },
    });
    const one = checkEligibility(c, { level: '副处' }, on);
    expect(one.findings.find((f) => f.rule === 'stepwise')).toMatchObject({ met: false, overridable: true });
    const two = checkEligibility(c, { level: '正处' }, on, { exceptional: { reasons: '特别优秀' } });
    expect(two.ok).toBe(false);
    expect(two.findings.find((f) => f.rule === 'stepwise')).toMatchObject({ met: false, overridable: false });
    expect(two.findings.find((f) => f.rule === 'stepwise')?.reason).toContain('越两级');
  });

  it('never sets education aside by 破格', () => {
    const r = checkEligibility(deputy({ education: '中专' }), { level: '正处' }, on, { exceptional: { reasons: '特别优秀' } });
    expect(r.ok).toBe(false);
  });
});

describe('checkEligibility: assessment, demotion and sanctions bar promotion', () => {
  it.each([
    [{ grades: { 2025: '基本称职' as const } }, 'assessment', false],
    [{ grades: { 2026: '基本称职' as const } }, 'assessment', false],
    [{ grades: { 2024: '基本称职' as const, 2025: '称职' as const } }, null, true],
    [{ grades: { 2025: '不称职' as const } }, 'assessment', false],
    [{ demotions: [{ on: '2026-01-10' }] }, 'demotion', false],
    [{ demotions: [{ on: '2025-12-01' }] }, null, true],
    [{ sanctions: [{ kind: '党内警告' as const, on: '2026-01-10' }] }, 'sanction', false],
    [{ sanctions: [{ kind: '党内警告' as const, on: '2025-12-04' }] }, null, true], // 12 months are over
    [{ sanctions: [{ kind: '记大过' as const, on: '2025-07-01' }] }, 'sanction', false], // 18 months
    [{ sanctions: [{ kind: '诫勉' as const, on: '2026-07-01' }] }, 'sanction', false],
    [{ sanctions: [{ kind: '诫勉' as const, on: '2026-06-04' }] }, null, true],
  ])('%o → fails %s', (over, rule, ok) => {
    const r = checkEligibility(deputy(over), { level: '正处' }, on, { exceptional: { reasons: '不影响' } });
    expect(r.ok).toBe(ok);
    expect(failed(r)).toEqual(rule ? [rule] : []);
    if (rule) expect(r.findings.find((f) => f.rule === rule)?.overridable).toBe(false);
  });

  it('names the article in every refusal', () => {
    const r = checkEligibility(deputy({ sanctions: [{ kind: '记过', on: '2026-06-01' }] }), { level: '正处' }, on);
    expect(r.findings.find((f) => !f.met)?.reason).toContain('政务处分法》第八条');
  });

  it('treats a move to the same or a lower level as no promotion', () => {
    expect(currentLevel(deputy(), on)).toBe('副处');
    const r = checkEligibility(deputy({ grassrootsYears: 0 }), { level: '副处' }, on);
    expect(r.ok).toBe(true);
    expect(r.findings[0].reason).toContain('不属于提拔');
  });
});
