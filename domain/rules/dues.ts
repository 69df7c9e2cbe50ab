// Party dues (RULES.md §2): 中组发〔2008〕3号《关于中国共产党党费收缴、使用和管理的规定》.
// Money is integer fen (分) throughout; months are 'YYYY-MM' strings.
import dayjs from 'dayjs';

export type DuesCategory = 'employed' | 'retired' | 'farmer' | 'student' | 'unemployed' | 'relief';
export const DUES_CATEGORIES: readonly DuesCategory[] = ['employed', 'retired', 'farmer', 'student', 'unemployed', 'relief'];

/** Where the base comes from: 工资 (art. 1), 养老金 (art. 5), 年薪当月实发 (art. 3), 上季度平均 (art. 4), or a fixed amount (art. 6). */
export type DuesBaseSource = 'salary' | 'pension' | 'annual_pay' | 'quarter_avg' | 'fixed';
export const DUES_BASE_SOURCES: readonly DuesBaseSource[] = ['salary', 'pension', 'annual_pay', 'quarter_avg', 'fixed'];

/** No national rounding rule (RULES.md §2, R): to the fen by default; floor, ceil or to the 角 on request. */
export type DuesRounding = 'half_up' | 'floor' | 'ceil' | 'jiao_half_up';
export const DUES_ROUNDINGS: readonly DuesRounding[] = ['half_up', 'floor', 'ceil', 'jiao_half_up'];

export interface DuesOptions {
  rounding?: DuesRounding;
  /** Farmers pay 0.2–1 元 a month, the amount set by the province (art. 6). */
  farmerFen?: number;
}

export const DUES_RULES = {
  /** art. 2: employed members, rate in ‱ on the WHOLE after-tax base, by the band the base falls in */
  employedBands: [
    { upToFen: 300_000, rateBp: 50 },
    { upToFen: 500_000, rateBp: 100 },
    { upToFen: 1_000_000, rateBp: 150 },
    { upToFen: Infinity, rateBp: 200 },
  ],
  /** art. 5: retired members, the whole pension as base */
  retiredBands: [
    { upToFen: 500_000, rateBp: 50 },
    { upToFen: Infinity, rateBp: 100 },
  ],
  /** art. 6: students, laid-off or unemployed members, members on relief or 低保 */
  flatFen: 20,
  farmerMinFen: 20,
  farmerMaxFen: 100,
  defaultFarmerFen: 20,
  /** art. 11: one voluntary payment of 1000 元 or more goes wholly to the centre */
  centralThresholdFen: 100_000,
  /** 党章第九条 (R): six consecutive months unpaid without good reason → treated as having left */
  lapseMonths: 6,
  warnMonths: 3,
  urgentMonths: 5,
} as const;

export const DUES_DEFAULTS: Required<DuesOptions> = { rounding: 'half_up', farmerFen: DUES_RULES.defaultFarmerFen };

/** Rounds a product in units of fen × 1/10000 (base × ‱) to whole fen. */
function roundBp(scaled: number, rounding: DuesRounding): number {
  switch (rounding) {
    case 'floor':
      return Math.floor(scaled / 10_000);
    case 'ceil':
      return Math.ceil(scaled / 10_000);
    case 'jiao_half_up':
      return Math.floor((scaled + 50_000) / 100_000) * 10;
    default:
      return Math.floor((scaled + 5_000) / 10_000);
  }
}

function rateFor(bands: readonly { upToFen: number; rateBp: number }[], baseFen: number): number {
  return bands.find((b) => baseFen <= b.upToFen)!.rateBp;
}

/** The rate in ‱ for a category and base (art. 2, art. 5); null for the fixed-amount categories (art. 6). */
export function duesRateBp(category: DuesCategory, baseFen: number): number | null {
  if (category === 'employed') return rateFor(DUES_RULES.employedBands, baseFen);
  if (category === 'retired') return rateFor(DUES_RULES.retiredBands, baseFen);
  return null;
}

/** Monthly dues in fen (art. 2, 5, 6). Example of art. 2: base 5400 元 → 1.5% → 81 元. */
export function monthlyDuesFen(category: DuesCategory, baseFen: number, opts: DuesOptions = {}): number {
  if (!Number.isInteger(baseFen) || baseFen < 0) throw new RangeError('baseFen must be a non-negative integer');
  const { rounding, farmerFen } = { ...DUES_DEFAULTS, ...opts };
  if (category === 'farmer') return Math.min(DUES_RULES.farmerMaxFen, Math.max(DUES_RULES.farmerMinFen, farmerFen));
  const rate = duesRateBp(category, baseFen);
  if (rate === null) return DUES_RULES.flatFen;
  return roundBp(baseFen * rate, rounding);
}

/** Categories whose dues depend on a base (the others pay a fixed amount, art. 6). */
export const needsBase = (c: DuesCategory) => c === 'employed' || c === 'retired';

// ---- months ----

export const monthOf = (date: string) => date.slice(0, 7);
export const addMonths = (month: string, n: number) => dayjs(`${month}-01`).add(n, 'month').format('YYYY-MM');
/** Whole months from a to b (b − a); 0 when equal. */
export const monthsBetween = (a: string, b: string) => dayjs(`${b}-01`).diff(dayjs(`${a}-01`), 'month');
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** art. 8: a probationary member pays from the month of the 支部大会 that admitted them. */
export function duesStartMonth(admittedOn: string | null, firstBaseMonth: string): string {
  return admittedOn && monthOf(admittedOn) > firstBaseMonth ? monthOf(admittedOn) : firstBaseMonth;
}

/** art. 10: a changed base applies from its own month; earlier months keep the base then in force. */
export function baseInForce<B extends { effectiveFrom: string }>(bases: readonly B[], month: string): B | null {
  let hit: B | null = null;
  for (const b of bases) if (b.effectiveFrom <= month && (!hit || b.effectiveFrom > hit.effectiveFrom)) hit = b;
  return hit;
}

/** art. 11: a single voluntary payment of 1000 元 or more is remitted wholly to the centre. */
export const goesToCentre = (amountFen: number, thresholdFen: number = DUES_RULES.centralThresholdFen) => amountFen >= thresholdFen;

export type ArrearsLevel = 'none' | 'notice' | 'warning' | 'urgent' | 'lapsed';
export interface ArrearsThresholds {
  warnMonths: number;
  urgentMonths: number;
  lapseMonths: number;
}

/** 党章第九条 (R): six consecutive unpaid months → treated as having left; warned well before (settings). */
export function arrearsLevel(consecutiveUnpaid: number, t: ArrearsThresholds = DUES_RULES): ArrearsLevel {
  if (consecutiveUnpaid >= t.lapseMonths) return 'lapsed';
  if (consecutiveUnpaid >= t.urgentMonths) return 'urgent';
  if (consecutiveUnpaid >= t.warnMonths) return 'warning';
  return consecutiveUnpaid > 0 ? 'notice' : 'none';
}

export interface MonthLedger {
  month: string;
  dueFen: number;
  paidFen: number;
}
export interface Arrears {
  unpaidMonths: number;
  owedFen: number;
  oldestUnpaid: string | null;
  consecutiveUnpaid: number;
}

/**
 * Arrears over closed months: a month is unpaid while what was paid for it is less than its due
 * (a base raised retroactively leaves the difference owed, art. 10). Consecutive = trailing unpaid months.
 */
export function arrearsOf(ledger: readonly MonthLedger[]): Arrears {
  const sorted = [...ledger].sort((a, b) => a.month.localeCompare(b.month));
  let unpaidMonths = 0,
    owedFen = 0,
    consecutiveUnpaid = 0;
  let oldestUnpaid: string | null = null;
  for (const m of sorted) {
    const short = m.dueFen - m.paidFen;
    if (short > 0) {
      unpaidMonths++;
      owedFen += short;
      oldestUnpaid ??= m.month;
      consecutiveUnpaid++;
    } else {
      consecutiveUnpaid = 0;
    }
  }
  return { unpaidMonths, owedFen, oldestUnpaid, consecutiveUnpaid };
}

/** Fen as 元 with two decimals, e.g. 8100 → "81.00". */
export const yuan = (fen: number) => (fen / 100).toFixed(2);
