// Rules of the transfer of a member's organizational relationship (组织关系转接, RULES.md §5).
import dayjs from 'dayjs';

export const TRANSFER_KINDS = ['within_city', 'out_of_city', 'into_city'] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];

export const TRANSFER_STATUSES = ['issued', 'received', 'confirmed', 'returned'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

export const TRANSFER_KIND_LABELS: Record<TransferKind, { zh: string; en: string }> = {
  within_city: { zh: '市内转接', en: 'Within the city' },
  out_of_city: { zh: '转出本市', en: 'Out of the city' },
  into_city: { zh: '从市外转入', en: 'Into the city' },
};

export const TRANSFER_STATUS_LABELS: Record<TransferStatus, { zh: string; en: string }> = {
  issued: { zh: '已开具', en: 'Issued' },
  received: { zh: '已接收', en: 'Received' },
  confirmed: { zh: '已确认', en: 'Confirmed' },
  returned: { zh: '已退回', en: 'Returned' },
};

/** Letter validity in days. No national figure: local practice 10 days within the city, 30 outside, at most 3 months (RULES.md §5, L). */
export interface TransferSettings {
  withinCityDays: number;
  outOfCityDays: number;
  maxDays: number;
}
export const DEFAULT_TRANSFER_SETTINGS: TransferSettings = { withinCityDays: 10, outOfCityDays: 30, maxDays: 90 };

/** Default validity of a new letter: the within-city figure for letters inside the city, the outside figure otherwise (RULES.md §5, L). */
export function defaultValidDays(kind: TransferKind, s: TransferSettings): number {
  return kind === 'within_city' ? s.withinCityDays : s.outOfCityDays;
}

/** The last day the letter is valid: issued on day 1, valid for `validDays` days. */
export function expiresOn(issuedOn: string, validDays: number): string {
  return dayjs(issuedOn)
    .add(validDays - 1, 'day')
    .format('YYYY-MM-DD');
}

/** A letter still open (not confirmed or returned) past its last valid day is overdue. */
export function isOverdue(status: TransferStatus, expires: string, today: string): boolean {
  return (status === 'issued' || status === 'received') && today > expires;
}

/** Letter number: year, sending (or, for letters from outside, receiving) organization code, 4-digit serial. */
export function letterNumber(year: number, orgCode: string, serial: number, incoming = false): string {
  return `${year}-${orgCode}-${incoming ? 'J' : ''}${String(serial).padStart(4, '0')}`;
}

export type TransferStep = 'receive' | 'confirm' | 'return';
export type TransferSide = 'sender' | 'receiver';

/**
 * Which side may take a step in which state. Within the city the receiving organization receives,
 * confirms or refuses; the sender can only take back an expired letter. Out of the city the sender
 * records the receipt (回执) coming back or the letter being returned, since the receiver is not in
 * the system; from outside the receiver does everything. Until confirmation the sending organization
 * stays responsible (党员教育管理工作条例 第二十五条).
 */
export function stepAllowed(
  step: TransferStep,
  kind: TransferKind,
  status: TransferStatus,
  sides: readonly TransferSide[],
  overdue: boolean,
): string | null {
  const open = status === 'issued' || status === 'received';
  if (!open) return '该介绍信已办结，不能再操作';
  const acting: TransferSide = kind === 'out_of_city' ? 'sender' : 'receiver';
  if (step === 'return') {
    if (sides.includes(acting)) return null;
    if (kind === 'within_city' && sides.includes('sender') && overdue) return null;
    return kind === 'within_city' ? '介绍信未过有效期，只能由接收方退回' : '只能由办理方退回';
  }
  if (!sides.includes(acting)) return kind === 'out_of_city' ? '只有转出方可以登记回执' : '只有接收方可以办理';
  if (step === 'receive') return status === 'issued' ? null : '介绍信已接收';
  // An expired letter is returned and a new one issued; it is not confirmed late.
  if (overdue) return '介绍信已过有效期，请退回后重新开具';
  if (kind === 'within_city' && status !== 'received') return '请先接收介绍信再确认';
  return null;
}
