import { describe, expect, it } from 'vitest';
import { neutralizeCell } from './spreadsheet';

describe('neutralizeCell (SECURITY.md 22)', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+86 138', "'+86 138"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=cmd', "'\t=cmd"],
    ['张三', '张三'],
    ['a=b', 'a=b'],
  ])('%j → %j', (input, out) => expect(neutralizeCell(input)).toBe(out));

  it('leaves numbers and null alone', () => {
    expect(neutralizeCell(-2)).toBe(-2);
    expect(neutralizeCell(null)).toBeNull();
  });
});
