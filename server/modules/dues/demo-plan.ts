// What a year of dues looks like in 示范市: categories and bases by occupation and age, and how each
// member pays (most monthly, some by the quarter, a few a year ahead, a few falling behind 3–8 months).
import type { Rng } from '../../demo/prng.js';
import { addMonths, type DuesBaseSource, type DuesCategory } from '../../../domain/rules/dues.js';

export interface DemoMember {
  id: number;
  org_id: number;
  occupation: string | null;
  birth_date: string | null;
  admitted_on: string | null;
  unit_type: string | null;
}
export interface DemoBase {
  category: DuesCategory;
  baseFen: number;
  source: DuesBaseSource;
}
export type PayPattern =
  | { kind: 'monthly' }
  | { kind: 'quarterly' }
  | { kind: 'annual' }
  | { kind: 'behind'; months: number }
  | { kind: 'gaps'; missed: number[] };

/** Monthly net pay in 元 by occupation, [low, high]. */
const PAY: Record<string, [number, number]> = {
  worker: [2600, 6500],
  professional: [4800, 13000],
  manager: [6000, 19000],
  official: [4200, 9500],
  other: [2200, 5200],
};

export function demoCategory(rng: Rng, m: DemoMember, asOf: string): DuesCategory {
  switch (m.occupation) {
    case 'retired':
      return 'retired';
    case 'farmer':
      return 'farmer';
    case 'student':
      return 'student';
    case 'worker':
    case 'professional':
    case 'manager':
    case 'official':
      return 'employed';
    case 'other':
      return rng.weighted<DuesCategory>(
        ['employed', 'unemployed', 'relief'],
        (c) => (({ employed: 6, unemployed: 3, relief: 1 }) as Record<string, number>)[c],
      );
  }
  // No occupation on the record: by age, then by the kind of unit the branch sits in.
  const age = m.birth_date ? Number(asOf.slice(0, 4)) - Number(m.birth_date.slice(0, 4)) : null;
  if (age !== null && age >= 60) return 'retired';
  if (age !== null && age <= 22) return 'student';
  if (m.unit_type === 'rural') return rng.chance(0.7) ? 'farmer' : 'employed';
  if (m.unit_type === 'school') return age === null && rng.chance(0.3) ? 'student' : 'employed';
  return rng.weighted<DuesCategory>(
    ['employed', 'retired', 'farmer', 'unemployed', 'relief'],
    (c) => (({ employed: 62, retired: 26, farmer: 8, unemployed: 3, relief: 1 }) as Record<string, number>)[c],
  );
}

export function demoBase(rng: Rng, m: DemoMember, category: DuesCategory): DemoBase {
  if (category === 'retired') return { category, baseFen: rng.int(2400, 7200) * 100, source: 'pension' };
  if (category !== 'employed') return { category, baseFen: 0, source: 'fixed' };
  const [lo, hi] = PAY[m.occupation ?? ''] ?? [2600, 11000];
  // Skewed towards the lower end, as pay is; a few 年薪制 managers and self-employed members.
  const yuan = Math.round(lo + (hi - lo) * rng.next() ** 1.6);
  const source: DuesBaseSource =
    m.occupation === 'manager' && rng.chance(0.2) ? 'annual_pay' : m.occupation === 'other' && rng.chance(0.4) ? 'quarter_avg' : 'salary';
  return { category, baseFen: yuan * 100 + rng.int(0, 99), source };
}

export function demoPattern(rng: Rng): PayPattern {
  const r = rng.next();
  if (r < 0.74) return { kind: 'monthly' };
  if (r < 0.86) return { kind: 'quarterly' };
  if (r < 0.9) return { kind: 'annual' };
  if (r < 0.96) return { kind: 'behind', months: rng.weighted([1, 2, 3, 4, 5, 6, 7, 8], (k) => [6, 5, 8, 5, 4, 2, 1, 1][k - 1]) };
  return { kind: 'gaps', missed: [rng.int(1, 8)] };
}

/**
 * The months of `months` paid and the month each was paid in. Index 0 is the oldest; the last one is
 * the current month, which only early payers have settled.
 */
export function paidMonths(rng: Rng, p: PayPattern, months: readonly string[]): { month: string; paidIn: string }[] {
  const closed = months.length - 1;
  const out: { month: string; paidIn: string }[] = [];
  if (p.kind === 'annual') return months.map((month) => ({ month, paidIn: months[0] }));
  if (p.kind === 'quarterly') {
    for (let i = 0; i < closed; i++) out.push({ month: months[i], paidIn: months[Math.min(i - (i % 3) + 2, closed - 1)] });
    return out;
  }
  const stop = p.kind === 'behind' ? closed - p.months : closed;
  for (let i = 0; i < stop; i++) if (!(p.kind === 'gaps' && p.missed.includes(i))) out.push({ month: months[i], paidIn: months[i] });
  // About half of the regular payers have already paid the current month.
  if (p.kind === 'monthly' && rng.chance(0.5)) out.push({ month: months[closed], paidIn: months[closed] });
  return out;
}

export const yearOfMonths = (lastClosed: string) => Array.from({ length: 13 }, (_, i) => addMonths(lastClosed, i - 11));
