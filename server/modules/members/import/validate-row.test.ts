import { describe, expect, it } from 'vitest';
import { codeByZh, EDUCATION_LABELS } from '../../../../domain/member-fields.js';
import { parseDate } from './validate-row.js';

describe('parseDate: the spellings of a date seen in real sheets', () => {
  it.each([
    ['2005-06-20', '2005-06-20'],
    ['2005/6/20', '2005-06-20'],
    ['2005.6.2', '2005-06-02'],
    ['2005年6月20日', '2005-06-20'],
    ['20050620', '2005-06-20'],
    [' 2005-06-20 ', '2005-06-20'],
    // An Excel serial: day 0 is 1899-12-30.
    ['38523', '2005-06-20'],
    // Leap years: every fourth, not centuries, but every fourth century.
    ['2024-02-29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
    ['2023-02-29', null],
    ['1900-02-29', null],
    ['2005-06-31', null],
    ['2005-13-01', null],
    ['2005-00-10', null],
    ['2005-06-00', null],
    ['2005-6', null],
    ['六月', null],
    ['', null],
  ])('%s → %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });
});

describe('codeByZh', () => {
  it('finds a code by its label, also with spaces typed inside, and null for anything else', () => {
    expect(codeByZh(EDUCATION_LABELS, '大学本科')).toBe('bachelor');
    expect(codeByZh(EDUCATION_LABELS, '大学 本科')).toBe('bachelor');
    expect(codeByZh(EDUCATION_LABELS, '本科')).toBeNull();
    expect(codeByZh(EDUCATION_LABELS, 'bachelor')).toBeNull();
  });
});
