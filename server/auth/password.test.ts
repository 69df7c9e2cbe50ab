// Issue 11.6: passwords people really use are refused, strong ones pass (SECURITY.md 1).
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { assertPasswordPolicy, passwordScore, personalWords } from './password.js';

const problem = (pw: string, username = 'zhang.wei', displayName = '张伟') => {
  try {
    assertPasswordPolicy(pw, username, 'password', displayName);
    return null;
  } catch (e) {
    return e as AppError;
  }
};

describe('the password policy with the strength estimator (issue 11.6)', () => {
  it.each([
    'Admin@123',
    'Abc@1234',
    'Aa123456!',
    'Admin@2024',
    'Qwer1234!',
    'Zugong@2026',
    'P@ssw0rd',
    'Woaini1314!',
    'Zhongguo@2026',
    'Dangyuan#1',
    'Wang@1985',
    '1qaz@WSX',
    'Demo@2026',
  ])('refuses %s', (pw) => {
    const e = problem(pw);
    expect(e, pw).toBeInstanceOf(AppError);
    expect(e!.status).toBe(400);
    expect(e!.field).toBe('password');
  });

  it("refuses the account's own name in pinyin", () => {
    expect(problem('Zhangwei@88', 'zw.admin', '张伟')?.code).toBe('WEAK_PASSWORD');
    expect(problem('Liuyang#7788', 'ly01', '刘洋')?.code).toBe('WEAK_PASSWORD');
  });

  it.each(['Tq7#mVz2!pLw', 'Kx9$Lm2pQr', 'correct horse battery staple 9X', 'Zx!9qRt#2026', '蓝色大海Tq7#mV'])('accepts %s', (pw) => {
    expect(problem(pw)).toBeNull();
  });

  it('gives the estimator the username, its parts and the name in pinyin', () => {
    expect(personalWords('zhang.wei', '张伟')).toEqual(expect.arrayContaining(['zhang.wei', 'zhang', 'wei', 'zhangwei', 'zw']));
    expect(passwordScore('Zhangwei2026!', 'x', '张伟')).toBeLessThan(passwordScore('Zhangwei2026!', 'x', '李娜'));
  });
});
