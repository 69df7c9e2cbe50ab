import { describe, expect, it } from 'vitest';
import type { TResumeLine } from '../schemas/cadre-sheet.js';
import { parseResume, printResume } from './cadre-resume.js';

const step = (from: string | null, to: string | null, text: string, sub: string[] = []): TResumeLine => ({ from, to, text, sub });

describe('parseResume: one step per line, whatever separator the producer used', () => {
  it.each([
    ['2001.09--2005.07  某某大学法学院法学专业学习', step('2001-09', '2005-07', '某某大学法学院法学专业学习')],
    ['2001.09—2005.07  学习', step('2001-09', '2005-07', '学习')],
    ['2001.09——2005.07  学习', step('2001-09', '2005-07', '学习')],
    ['2001.09-2005.07  学习', step('2001-09', '2005-07', '学习')],
    ['2001.09～2005.07  学习', step('2001-09', '2005-07', '学习')],
    ['2001.09－2005.07  学习', step('2001-09', '2005-07', '学习')],
    ['2001.09~2005.07  学习', step('2001-09', '2005-07', '学习')],
    ['2001.09至2005.07  学习', step('2001-09', '2005-07', '学习')],
    ['2001.09 -- 2005.07 学习', step('2001-09', '2005-07', '学习')],
    ['2001.09--2005.07学习', step('2001-09', '2005-07', '学习')],
    ['2001.9--2005.7  学习', step('2001-09', '2005-07', '学习')],
    ['2001.09.01--2005.07.15  学习', step('2001-09-01', '2005-07-15', '学习')],
    ['2021.06--         某某县委常委、组织部部长', step('2021-06', null, '某某县委常委、组织部部长')],
    ['2021.06--至今  某某县委常委', step('2021-06', null, '某某县委常委')],
    ['2021.06至今  某某县委常委', step('2021-06', null, '某某县委常委')],
    ['2021.06—', step('2021-06', null, '')],
  ])('%s', (line, expected) => {
    expect(parseResume(line)).toEqual([expected]);
  });
});

describe('parseResume: nothing is lost', () => {
  it.each([
    ['a month that does not exist', '2001.13--2005.07  学习'],
    ['a day that does not exist', '2001.02.30--2005.07  学习'],
    ['a year without a month', '2001--2005  学习'],
    ['a date without a separator', '2021.06  某某'],
    ['prose starting with a digit', '1990年参加工作'],
  ])('keeps %s whole as a step without dates', (_what, line) => {
    expect(parseResume(line)).toEqual([step(null, null, line)]);
  });

  it('keeps a first line that does not start with a digit', () => {
    expect(parseResume('（以下为本人填写）\n2001.09--2005.07  学习')).toEqual([
      step(null, null, '（以下为本人填写）'),
      step('2001-09', '2005-07', '学习'),
    ]);
  });

  it('joins a wrapped line to the previous step, keeping the line break', () => {
    const text = '2005.07--2010.08  某某市某某县某某镇党委委员、\r\n                  副镇长\r\n2010.08--2015.01  某某局科员';
    expect(parseResume(text)).toEqual([
      step('2005-07', '2010-08', '某某市某某县某某镇党委委员、\n副镇长'),
      step('2010-08', '2015-01', '某某局科员'),
    ]);
  });

  it('reads （其间：…） and （其中：…） lines, full- or half-width, as sub-items', () => {
    const text = [
      '2010.08--2015.01  某某局科员',
      '                  （其间：2012.09--2014.07在某某大学在职研究生学习）',
      '                  (其中：2013.03--2013.09挂职锻炼)',
      '2015.01--         某某局副局长',
    ].join('\n');
    expect(parseResume(text)).toEqual([
      step('2010-08', '2015-01', '某某局科员', ['（其间：2012.09--2014.07在某某大学在职研究生学习）', '(其中：2013.03--2013.09挂职锻炼)']),
      step('2015-01', null, '某某局副局长'),
    ]);
  });

  it('keeps a wrapped sub-item together until its closing parenthesis', () => {
    const text = '2010.08--2015.01  科员\n    （其间：2012.09--2014.07在某某大学\n    在职研究生学习）\n    另兼某职';
    expect(parseResume(text)).toEqual([
      step('2010-08', '2015-01', '科员\n另兼某职', ['（其间：2012.09--2014.07在某某大学\n在职研究生学习）']),
    ]);
  });

  it('accepts CRLF, LF and CR and skips blank lines', () => {
    const lf = '2001.09--2005.07  学习\n\n2005.07--  工作';
    expect(parseResume(lf.replaceAll('\n', '\r\n'))).toEqual(parseResume(lf));
    expect(parseResume(lf.replaceAll('\n', '\r'))).toEqual(parseResume(lf));
    expect(parseResume('')).toEqual([]);
    expect(parseResume('  \r\n ')).toEqual([]);
  });
});

describe('printResume', () => {
  const lines = [
    step('2001-09', '2005-07', '某某大学法学院法学专业学习，获法学学士学位'),
    step('2005-07', '2010-08', '某某市某某县某某镇党委委员、\n副镇长'),
    step('2010-08', '2015-01', '某某局科员', ['（其间：2012.09--2014.07在某某大学在职研究生学习）']),
    step(null, null, '1990年参加工作'),
    step('2015-01-05', null, '某某局副局长'),
  ];

  it('writes the standard line form with CRLF', () => {
    expect(printResume(lines)).toBe(
      [
        '2001.09--2005.07  某某大学法学院法学专业学习，获法学学士学位',
        '2005.07--2010.08  某某市某某县某某镇党委委员、',
        '                  副镇长',
        '2010.08--2015.01  某某局科员',
        '                  （其间：2012.09--2014.07在某某大学在职研究生学习）',
        '1990年参加工作',
        '2015.01.05--         某某局副局长',
      ].join('\r\n'),
    );
    expect(printResume(lines, '\n')).toBe(printResume(lines).replaceAll('\r\n', '\n'));
    expect(printResume([])).toBe('');
  });

  it('reads back what it wrote', () => {
    expect(parseResume(printResume(lines))).toEqual(lines);
    expect(parseResume(printResume([step('2021-06', null, '')]))).toEqual([step('2021-06', null, '')]);
  });

  it.each([
    ['2001.09—2005.07 学习', '2001.09--2005.07  学习'],
    ['2001.9至2005.7学习', '2001.09--2005.07  学习'],
    ['2021.06--至今  某某县委常委', '2021.06--         某某县委常委'],
    ['2021.06～        某某县委常委', '2021.06--         某某县委常委'],
    ['2010.08--2015.01  科员\n  （其中：挂职）', '2010.08--2015.01  科员\r\n                  （其中：挂职）'],
  ])('normalizes %j', (source, standard) => {
    expect(printResume(parseResume(source))).toBe(standard);
  });
});
