// What a transfer letter shows: the letter's own fields only (an allow-list). The receiving side
// gets no link to the member record before confirmation; it is not theirs yet.
import type { TTransferRow } from '../../../domain/schemas/transfers.js';
import { isOverdue, type TransferSide } from '../../../domain/rules/transfers.js';
import { pathWithin } from '../../scope/paths.js';
import type { LetterRow } from './queries.js';

const under = (path: string | null, scopePath: string) => path !== null && pathWithin(scopePath, path);

export function sidesOf(l: LetterRow, scopePath: string): TransferSide[] {
  const sides: TransferSide[] = [];
  if (under(l.from_path, scopePath)) sides.push('sender');
  if (under(l.to_path, scopePath)) sides.push('receiver');
  return sides;
}

export function presentLetter(l: LetterRow, scopePath: string, today: string): TTransferRow {
  const sides = sidesOf(l, scopePath);
  const memberVisible = sides.includes('sender') || (l.status === 'confirmed' && l.kind !== 'out_of_city');
  return {
    id: l.id,
    letterNo: l.letter_no,
    kind: l.kind,
    status: l.status,
    memberName: l.member_name,
    gender: l.gender,
    category: l.category,
    idMasked: l.id_masked,
    fromOrgId: l.from_org_id,
    fromOrgName: l.from_org_name,
    toOrgId: l.to_org_id,
    toOrgName: l.to_org_name,
    toAddress: l.to_address,
    externalNo: l.external_no,
    reason: l.reason,
    duesPaidUntil: l.dues_paid_until,
    issuedOn: l.issued_on,
    validDays: l.valid_days,
    expiresOn: l.expires_on,
    receivedOn: l.received_on,
    confirmedOn: l.confirmed_on,
    returnedOn: l.returned_on,
    returnReason: l.return_reason,
    overdue: isOverdue(l.status, l.expires_on, today),
    sides,
    memberId: memberVisible ? l.member_id : null,
  };
}
