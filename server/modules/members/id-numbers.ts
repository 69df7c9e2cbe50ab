// Fictional identity numbers consistent with a birth date and gender, for demo data, the benchmark
// and tests. The check digit is never computed here: each candidate is put to checkIdNumber (the
// GB 11643 library) and the one it accepts is kept.
import { checkIdNumber } from '../../../domain/rules/id-number.js';

const CHECK_CHARS = '0123456789X';

/**
 * `area`: a 6-digit GB/T 2260 code; `birth`: YYYY-MM-DD; `seq`: any non-negative integer (wraps at 499) (the sequence code's parity gives
 * the gender).
 */
export function idNumberFor(area: string, birth: string, seq: number, gender: '男' | '女'): string {
  // GB 11643: the sequence code (digits 15–17) is odd for men and even for women.
  const order = (seq % 499) * 2 + (gender === '男' ? 1 : 2);
  const body = `${area}${birth.replaceAll('-', '')}${String(order).padStart(3, '0')}`;
  for (const c of CHECK_CHARS) {
    const r = checkIdNumber(body + c);
    if (r.ok) return r.normalized;
  }
  throw new Error(`no valid identity number for area ${area} and birth ${birth}`);
}
