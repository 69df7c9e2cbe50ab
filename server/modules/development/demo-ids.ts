// Fictional but valid identity numbers for demo people and tests: a fixed address code, the
// person's birth date, a sequence number and the GB 11643 check digit (ISO 7064 MOD 11-2).
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** `seq` 0–999; its parity sets the gender (GB 11643: odd for men). */
export function idNumberFor(birthDate: string, seq: number, gender: '男' | '女', area = '110101'): string {
  let s3 = seq % 1000;
  if ((s3 % 2 === 1) !== (gender === '男')) s3 = (s3 + 1) % 1000;
  const body = `${area}${birthDate.replaceAll('-', '')}${String(s3).padStart(3, '0')}`;
  const sum = [...body].reduce((acc, c, i) => acc + Number(c) * WEIGHTS[i], 0);
  return body + CHECK[sum % 11];
}
