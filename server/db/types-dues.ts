// Tables of the dues area (migration 006_dues.sql).
import type { Generated } from 'kysely';
import type { Timestamp } from './types.js';
import type { DuesBaseSource, DuesCategory } from '../../domain/rules/dues.js';

export interface DuesBasesTable {
  id: Generated<number>;
  member_id: number;
  category: DuesCategory;
  base_fen: number;
  due_fen: number;
  effective_from: string;
  source: DuesBaseSource;
  note: string | null;
  recorded_by: number | null;
  recorded_at: Generated<Date>;
}

export interface DuesPaymentsTable {
  id: Generated<number>;
  member_id: number;
  org_id: number;
  month: string;
  kind: 'regular' | 'voluntary';
  amount_fen: number;
  due_fen: number | null;
  paid_on: string;
  receipt_no: string | null;
  collected_by: string | null;
  to_centre: Generated<boolean>;
  note: string | null;
  recorded_by: number | null;
  recorded_at: Generated<Date>;
}

export interface DuesReductionsTable {
  id: Generated<number>;
  member_id: number;
  org_id: number;
  kind: 'reduce' | 'exempt';
  amount_fen: number;
  month_from: string;
  month_to: string;
  reason: string;
  status: Generated<'proposed' | 'approved' | 'rejected'>;
  proposed_by: number;
  proposer_org_id: number;
  proposed_at: Timestamp;
  decided_by: number | null;
  decided_at: Timestamp | null;
  decision_note: string | null;
}

/** Summaries of migration 039 (kept by triggers; read by modules/dues/summaries.ts). */
export interface DuesSumStateTable {
  id: Generated<boolean>;
  as_of: string | null;
}

export interface DuesMemberSumsTable {
  member_id: number;
  org_id: number;
  unpaid_n: number;
  owed_fen: number;
  oldest: string;
  consecutive: number;
}

export interface DuesMemberSpansTable {
  member_id: number;
  anc: number[];
  s: string;
  e: string | null;
  v: number;
}

export interface DuesCellsTable {
  org_id: number;
  month: string;
  due_step: Generated<number>;
  paid: Generated<number>;
  voluntary: Generated<number>;
  centre: Generated<number>;
  payers: Generated<number>;
}

export interface DuesTables {
  dues_bases: DuesBasesTable;
  dues_payments: DuesPaymentsTable;
  dues_reductions: DuesReductionsTable;
  dues_sum_state: DuesSumStateTable;
  dues_member_sums: DuesMemberSumsTable;
  dues_member_spans: DuesMemberSpansTable;
  dues_cells: DuesCellsTable;
  dues_deltas: DuesCellsTable;
}
