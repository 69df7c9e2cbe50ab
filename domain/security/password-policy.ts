// Password policy of SECURITY.md item 1 (GB/T 22239-2019 8.1.4.1a: 口令复杂度):
// at least 8 characters, 3 of the 4 character classes, not containing the username,
// not a common password, and (issue 11.6) strong enough for a realistic guesser: zxcvbn-ts's score
// of at least PASSWORD_MIN_SCORE, with Chinese words and the user's own names as extra inputs.
// Long passwords are allowed; the list of common passwords and the estimator are passed in so
// that this module stays free of I/O and of the dictionaries' weight.

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
export const PASSWORD_MIN_CLASSES = 3;
/** zxcvbn score (0–4) a password must reach: 3 is "safely unguessable" (≈10^8 guesses and more). */
export const PASSWORD_MIN_SCORE = 3;

export interface PasswordProblem {
  code: 'too_short' | 'too_long' | 'too_few_classes' | 'contains_username' | 'common' | 'weak';
  message: string;
}

export function characterClasses(pw: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length;
}

/** The estimator's score (0–4) of a password, given words about its owner (username, name pinyin). */
export type StrengthScore = (pw: string) => number;

export function checkPassword(
  pw: string,
  username: string,
  isCommon: (lowercased: string) => boolean,
  score?: StrengthScore,
): PasswordProblem | null {
  if (pw.length < PASSWORD_MIN_LENGTH) return { code: 'too_short', message: `密码至少 ${PASSWORD_MIN_LENGTH} 位` };
  if (pw.length > PASSWORD_MAX_LENGTH) return { code: 'too_long', message: `密码不能超过 ${PASSWORD_MAX_LENGTH} 位` };
  if (characterClasses(pw) < PASSWORD_MIN_CLASSES) {
    return { code: 'too_few_classes', message: '密码须包含大写字母、小写字母、数字、特殊字符中的至少三类' };
  }
  if (username && pw.toLowerCase().includes(username.toLowerCase())) return { code: 'contains_username', message: '密码不能包含用户名' };
  const lower = pw.toLowerCase();
  // A common password with a symbol or digit tacked on is still common ("password1!").
  const core = lower.replace(/[^a-z0-9]+$/g, '').replace(/\d+$/g, '');
  if (isCommon(lower) || (core.length >= 6 && isCommon(core))) return { code: 'common', message: '密码过于常见，请换一个' };
  if (score && score(pw) < PASSWORD_MIN_SCORE) {
    return {
      code: 'weak',
      message: '密码容易被猜到：请避免常见单词、姓名拼音、键盘序列、年份和简单替换（如 @ 代替 a），可用几个不相关的词组合',
    };
  }
  return null;
}
