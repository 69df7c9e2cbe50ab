import { describe, expect, it } from 'vitest';
import { matterCheckOpen, reviewMissing } from './cadre-four-musts';

describe('个人有关事项报告查核 at the 凡提四必 gate', () => {
  it.each([
    [null, false, '未见'],
    [{ year: 2026, checkKind: 'none', finding: '' }, false, '未抽中'],
    [{ year: 2026, checkKind: '随机', finding: '' }, false, '尚无查核结果'],
    [{ year: 2026, checkKind: '随机', finding: '查核一致' }, false, '查核一致'],
    [{ year: 2026, checkKind: '重点', finding: '无异常' }, false, '无异常'],
    [{ year: 2026, checkKind: '重点', finding: '漏报配偶持有股票一项' }, true, '须说明'],
    [{ year: 2025, checkKind: '随机', finding: '不一致：少报房产一处' }, true, '少报房产'],
  ])('%j → open %s', (report, open, note) => {
    const r = matterCheckOpen(report);
    expect(r.open).toBe(open);
    expect(r.note).toContain(note);
  });

  it('names the 三龄二历 items not yet reviewed', () => {
    expect(reviewMissing(['birth', 'work_start'])).toEqual(['party_join', 'education', 'work_history']);
    expect(reviewMissing(['birth', 'work_start', 'party_join', 'education', 'work_history'])).toEqual([]);
  });
});
