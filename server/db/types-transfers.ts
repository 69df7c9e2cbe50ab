// Tables of the transfers area (migration 005): transfer letters, status events, mobile members.
import type { Generated } from 'kysely';
import type { Json, Timestamp } from './types.js';
import type { TransferKind, TransferStatus } from '../../domain/rules/transfers.js';

export interface TransferLettersTable {
  id: Generated<number>;
  letter_no: string;
  kind: TransferKind;
  status: Generated<TransferStatus>;
  member_id: number | null;
  member_name: string;
  gender: string;
  category: 'full' | 'probationary';
  id_masked: string | null;
  from_org_id: number | null;
  /** Set by a trigger from from_org_id (migration 011); never written by the application. */
  from_path: Generated<string | null>;
  from_org_name: string;
  to_org_id: number | null;
  /** Set by a trigger from to_org_id (migration 011). */
  to_path: Generated<string | null>;
  to_org_name: string;
  to_address: string | null;
  external_no: string | null;
  reason: string;
  dues_paid_until: string | null;
  issued_on: string;
  valid_days: number;
  expires_on: string;
  received_on: string | null;
  confirmed_on: string | null;
  returned_on: string | null;
  return_reason: string | null;
  incoming: Json | null;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface MemberStatusEventsTable {
  id: Generated<number>;
  member_id: number;
  kind: string;
  from_status: string;
  to_status: string;
  event_date: string;
  reason: string;
  document_no: string | null;
  exit_kind: string | null;
  suspend_basis: string | null;
  details: Json | null;
  actor_id: number | null;
  created_at: Generated<Date>;
}

export interface MemberFlowingTable {
  id: Generated<number>;
  member_id: number;
  certificate_no: string;
  place: string;
  since: string;
  contact: string;
  attending_org: string;
  ended_on: string | null;
  created_at: Generated<Date>;
}

export interface TransferTables {
  transfer_letters: TransferLettersTable;
  member_status_events: MemberStatusEventsTable;
  member_flowing: MemberFlowingTable;
}
