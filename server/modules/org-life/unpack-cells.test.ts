// The packed held cells of org_life_held_years ('kind:ym:n:late,…') read into the dense table compliance.ts sums.
import { describe, expect, test } from 'vitest';
import { MEETING_KINDS } from '../../../domain/meeting-kinds.js';
import { unpackCells } from './compliance.js';

const at = (t: Int32Array, kind: string, month: number) => {
  const k = MEETING_KINDS.indexOf(kind as (typeof MEETING_KINDS)[number]);
  return [t[(k * 12 + month) * 2], t[(k * 12 + month) * 2 + 1]];
};
const ym = (y: number, m: number) => y * 12 + m - 1;

describe('unpackCells', () => {
  test.each([
    { packed: `branch_congress:${ym(2026, 3)}:1:0`, kind: 'branch_congress', month: 2, want: [1, 0] },
    { packed: `committee_meeting:${ym(2026, 12)}:12:3`, kind: 'committee_meeting', month: 11, want: [12, 3] },
    { packed: `group_meeting:${ym(2026, 1)}:2:1,group_meeting:${ym(2026, 2)}:5:0`, kind: 'group_meeting', month: 1, want: [5, 0] },
    // Another year's cell and an unknown kind are left out; the known cell beside them is read.
    {
      packed: `group_meeting:${ym(2025, 12)}:9:9,no_such_kind:${ym(2026, 1)}:7:7,group_meeting:${ym(2026, 1)}:2:1`,
      kind: 'group_meeting',
      month: 0,
      want: [2, 1],
    },
  ])('$packed → $kind month $month', ({ packed, kind, month, want }) => {
    expect(at(unpackCells(packed, 2026), kind, month)).toEqual(want);
  });

  test('nothing else is set', () => {
    const t = unpackCells(`group_meeting:${ym(2025, 12)}:9:9,no_such_kind:${ym(2026, 1)}:7:7,branch_congress:${ym(2026, 3)}:1:0`, 2026);
    expect(t.reduce((a, b) => a + b, 0)).toBe(1);
    expect(unpackCells('', 2026).every((x) => x === 0)).toBe(true);
  });
});
