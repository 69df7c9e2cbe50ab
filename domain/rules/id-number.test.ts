import { describe, expect, it } from 'vitest';
import { checkIdNumber, fakeIdNumber, idNumbersHeld, maskIdNumber } from './id-number';

describe('checkIdNumber (GB 11643-1999)', () => {
  it("accepts the standard's own example and reads birth date and gender from it", () => {
    // GB 11643-1999 附录 example: 11010519491231002X, a woman born 1949-12-31.
    expect(checkIdNumber('11010519491231002x')).toEqual({
      ok: true,
      normalized: '11010519491231002X',
      birthDate: '1949-12-31',
      gender: '女',
    });
  });

  it.each([
    ['110105194912310021', '校验位'],
    ['11010519491231002', '18 位'],
    ['1101051949123100XX', '18 位'],
    ['110105194913310028', '校验位或出生日期'],
  ])('refuses %s', (id, reason) => {
    const r = checkIdNumber(id);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(reason);
  });

  it('keeps no number it has checked (the library would cache each one, in clear, for good)', () => {
    for (const id of ['11010519491231002X', '110105194912310021', fakeIdNumber(), fakeIdNumber()]) checkIdNumber(id);
    expect(idNumbersHeld()).toBe(0);
  });

  it('masks all but the first and last four characters', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });

  it('makes fictional numbers that pass the check', () => {
    for (let i = 0; i < 20; i++) expect(checkIdNumber(fakeIdNumber()).ok).toBe(true);
  });
});
