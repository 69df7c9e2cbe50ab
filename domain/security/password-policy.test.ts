import { describe, expect, it } from 'vitest';
import { characterClasses, checkPassword } from './password-policy';

const common = new Set(['password', 'qwerty123', 'iloveyou']);
const isCommon = (p: string) => common.has(p);

describe('checkPassword (SECURITY.md 1)', () => {
  it.each([
    ['Ab1!', 'too_short'],
    ['Abc1234', 'too_short'],
    ['abcdefgh', 'too_few_classes'],
    ['abcd1234', 'too_few_classes'],
    ['Zhang.San2026', 'contains_username'],
    ['Password1!', 'common'],
    ['Qwerty123', 'common'],
    ['x'.repeat(129) + 'A1!', 'too_long'],
  ])('refuses %s (%s)', (pw, code) => {
    expect(checkPassword(pw, 'zhang.san', isCommon)?.code).toBe(code);
  });

  it.each(['Demo@2026', 'Abcd1234', 'abc12345!', '组织工作Ab12', 'correct horse battery staple 9X'])('accepts %s', (pw) => {
    expect(checkPassword(pw, 'zhang.san', isCommon)).toBeNull();
  });

  it('counts the four character classes', () => {
    expect(characterClasses('aA1!')).toBe(4);
    expect(characterClasses('aaaa')).toBe(1);
    expect(characterClasses('中文Ab')).toBe(3);
  });
});
