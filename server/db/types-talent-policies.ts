// Talent policies, calls and applications (migration 030_talent_policies.sql, issue 15 points 4 and 5).
import type { Generated } from 'kysely';
import type { Json, Timestamp } from './types.js';

type DateCol = string; // 'YYYY-MM-DD'

export interface TalentPoliciesTable {
  id: Generated<number>;
  doc_no: string;
  title: string;
  issuer: string;
  co_issuers: Json;
  level: 'national' | 'provincial' | 'city' | 'district';
  published_on: DateCol | null;
  effective_on: DateCol;
  expires_on: DateCol | null;
  status: Generated<'draft' | 'in_force' | 'expired' | 'repealed'>;
  expert_review: Generated<boolean>;
  publicity_days: Generated<number>;
  instalments: Generated<number>;
  note: Generated<string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface TalentBenefitItemsTable {
  id: Generated<number>;
  policy_id: number;
  code: string;
  name: string;
  created_at: Generated<Date>;
}

export interface TalentBenefitVersionsTable {
  id: Generated<number>;
  item_id: number;
  effective_on: DateCol;
  amount_fen: number;
  conditions: Json;
  source: string;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface TalentCallsTable {
  id: Generated<number>;
  policy_id: number;
  title: string;
  opens_on: DateCol;
  closes_on: DateCol;
  required_attachments: Json;
  note: Generated<string>;
  created_by: number | null;
  created_at: Generated<Date>;
}

export type TalentApplicationStatus =
  | 'draft'
  | 'employer_review'
  | 'district_review'
  | 'city_review'
  | 'expert_review'
  | 'publicity'
  | 'approved'
  | 'paying'
  | 'completed'
  | 'returned'
  | 'refused'
  | 'withdrawn'
  | 'clawed_back';

export interface TalentApplicationsTable {
  id: Generated<number>;
  call_id: number;
  item_id: number;
  person_id: number;
  employer_id: number | null;
  applied_as: 'self' | 'employer';
  applied_by: number | null;
  status: Generated<TalentApplicationStatus>;
  social_insurance_months: number | null;
  income_tax_months: number | null;
  contract_years: number | null;
  statement: Generated<string>;
  submitted_on: DateCol | null;
  step_due_on: DateCol | null;
  publicity_starts_on: DateCol | null;
  publicity_ends_on: DateCol | null;
  approved_on: DateCol | null;
  amount_fen: number | null;
  evaluation: Json | null;
  resubmissions: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface TalentApplicationStepsTable {
  id: Generated<number>;
  application_id: number;
  step: string;
  outcome: string;
  reason: Generated<string>;
  from_status: string | null;
  to_status: string;
  by_user: number | null;
  by_name: Generated<string>;
  at: Timestamp;
}

export interface TalentApplicationAttachmentsTable {
  id: Generated<number>;
  application_id: number;
  kind: string;
  file_name: string;
  mime: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  uploaded_by: number | null;
  uploaded_at: Timestamp;
}

export interface TalentExpertScoresTable {
  application_id: number;
  expert_id: number;
  score: number;
  comment: Generated<string>;
  at: Timestamp;
}

export interface TalentObjectionsTable {
  id: Generated<number>;
  application_id: number;
  received_on: DateCol;
  content: string;
  outcome: 'upheld' | 'dismissed' | null;
  handling: Generated<string>;
  recorded_by: number | null;
  handled_by: number | null;
  handled_at: Date | null;
}

export interface TalentPayoutsTable {
  id: Generated<number>;
  application_id: number;
  seq: number;
  due_on: DateCol;
  amount_fen: number;
  status: Generated<'scheduled' | 'released' | 'cancelled'>;
  checked_on: DateCol | null;
  check_note: Generated<string>;
  released_on: DateCol | null;
}

export interface TalentLedgerTable {
  id: Generated<number>;
  application_id: number;
  person_id: number;
  item_id: number;
  payout_id: number | null;
  kind: 'payout' | 'clawback';
  amount_fen: number;
  booked_on: DateCol;
  reason: Generated<string>;
  by_user: number | null;
  at: Timestamp;
}

export interface TalentPolicyTables {
  talent_policies: TalentPoliciesTable;
  talent_benefit_items: TalentBenefitItemsTable;
  talent_benefit_versions: TalentBenefitVersionsTable;
  talent_calls: TalentCallsTable;
  talent_applications: TalentApplicationsTable;
  talent_application_steps: TalentApplicationStepsTable;
  talent_application_attachments: TalentApplicationAttachmentsTable;
  talent_expert_scores: TalentExpertScoresTable;
  talent_objections: TalentObjectionsTable;
  talent_payouts: TalentPayoutsTable;
  talent_ledger: TalentLedgerTable;
}
