import { describe, expect, it } from 'vitest';
import { rankApplicants, totalScore } from './cadre-competition';

describe('竞争上岗 scores', () => {
  it.each([
    [{ written: 80, interview: 90 }, undefined, 85],
    [{ written: 80, interview: 90 }, { written: 0.4, interview: 0.6 }, 86],
    [{ written: 77.5, interview: 82.3 }, undefined, 79.9],
    [{ written: 80, interview: null }, undefined, null],
  ])('total of %j with %j is %s', (a, w, total) => {
    expect(totalScore(a, w)).toBe(total);
  });

  it('ranks qualified applicants with both scores per post, ties sharing a rank', () => {
    const r = rankApplicants([
      { id: 1, postId: 10, qualified: true, written: 80, interview: 80 },
      { id: 2, postId: 10, qualified: true, written: 90, interview: 90 },
      { id: 3, postId: 10, qualified: true, written: 70, interview: 90 },
      { id: 4, postId: 10, qualified: true, written: 60, interview: 60 },
      { id: 5, postId: 10, qualified: false, written: 99, interview: 99 },
      { id: 6, postId: 10, qualified: true, written: 95, interview: null },
      { id: 7, postId: 11, qualified: true, written: 50, interview: 50 },
    ]);
    expect([1, 2, 3, 4, 5, 6, 7].map((id) => r.get(id)!.rank)).toEqual([2, 1, 2, 4, null, null, 1]);
    expect(r.get(5)!.total).toBeNull();
  });
});
