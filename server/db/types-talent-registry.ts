// The talent registry's own tables (migration 029_talent.sql, issue 15 points 1–3 and 7): documents,
// 人才分类认定 with its steps, experts and objections, 柔性引才 agreements, evaluation indicators and scores.
import type { Generated } from 'kysely';
import type { Json } from './types.js';

type DateCol = string; // 'YYYY-MM-DD'

export type RecognitionStatus =
  'draft' | 'employer_review' | 'district_review' | 'city_review' | 'expert_review' | 'publicity' | 'granted' | 'refused' | 'returned';

export interface TalentDocumentsTable {
  id: Generated<number>;
  person_id: number;
  recognition_id: number | null;
  kind: Generated<string>;
  file_name: string;
  mime: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  uploaded_by: number | null;
  uploaded_at: Generated<Date>;
}

export interface TalentRecognitionsTable {
  id: Generated<number>;
  person_id: number;
  tier_id: number;
  basis: string;
  resume: Generated<string>;
  channel: 'self' | 'employer' | 'officer';
  status: RecognitionStatus;
  submitted_by: number | null;
  submitted_at: Generated<Date>;
  publicity_from: DateCol | null;
  publicity_until: DateCol | null;
  decided_on: DateCol | null;
  reason: Generated<string>;
  expert_score: string | number | null;
  version: Generated<number>;
}

export interface TalentRecognitionStepsTable {
  id: Generated<number>;
  recognition_id: number;
  step: string;
  outcome: string;
  reason: Generated<string>;
  user_id: number | null;
  at: Generated<Date>;
}

export interface TalentReviewCriteriaTable {
  id: Generated<number>;
  set_id: number;
  code: string;
  name: string;
  weight: number;
}

export interface TalentRecognitionExpertsTable {
  recognition_id: number;
  expert_id: number;
  assigned_by: number | null;
  assigned_at: Generated<Date>;
  scores: Json | null;
  total: string | number | null;
  opinion: Generated<string>;
  scored_at: Date | null;
}

export interface TalentRecognitionObjectionsTable {
  id: Generated<number>;
  recognition_id: number;
  received_on: DateCol;
  content: string;
  handling: Generated<string>;
  user_id: number | null;
  at: Generated<Date>;
}

export interface TalentAgreementsTable {
  id: Generated<number>;
  person_id: number;
  employer_id: number;
  home_institution: string;
  form: string;
  starts_on: DateCol;
  ends_on: DateCol;
  onsite_days_promised: number;
  pay_fen: Generated<string | number>;
  pay_terms: Generated<string>;
  ip_terms: Generated<string>;
  status: Generated<'active' | 'ended' | 'terminated'>;
  note: Generated<string>;
  created_by: number | null;
  created_at: Generated<Date>;
  version: Generated<number>;
  /** Added by 035_talent_agreements.sql: the end (or termination) day and reason, the agreement renewed. */
  ended_on: Generated<DateCol | null>;
  end_reason: Generated<string>;
  renewed_from: Generated<number | null>;
  updated_at: Generated<Date>;
}

export interface TalentAgreementDaysTable {
  id: Generated<number>;
  agreement_id: number;
  from_on: DateCol;
  days: number;
  note: Generated<string>;
  user_id: number | null;
  at: Generated<Date>;
  /** Added by 035: the office or the employer's account recorded it. */
  recorded_as: Generated<'office' | 'employer'>;
}

export interface TalentDeliverablesTable {
  id: Generated<number>;
  agreement_id: number;
  title: string;
  due_on: DateCol;
  accepted_on: DateCol | null;
  acceptance: Generated<string>;
  accepted_by: number | null;
  /** Added by 035: accepted, or returned for rework (null while open). */
  outcome: Generated<'accepted' | 'returned' | null>;
}

export interface TalentIndicatorsTable {
  id: Generated<number>;
  code: string;
  name: string;
  kind: 'achieved' | 'potential';
  weight: number;
  effective_on: DateCol;
  superseded_on: DateCol | null;
  source: Generated<string>;
}

export interface TalentEvaluationsTable {
  id: Generated<number>;
  person_id: number;
  year: number;
  scores: Json;
  notes: Json;
  achieved: string | number;
  potential: string | number;
  total: string | number;
  evaluated_by: number | null;
  evaluated_at: Generated<Date>;
  /** Added by 035: the effective date of the indicator set scored against. */
  indicators_on: Generated<DateCol | null>;
  version: Generated<number>;
}

export interface TalentRegistryTables {
  talent_documents: TalentDocumentsTable;
  talent_recognitions: TalentRecognitionsTable;
  talent_recognition_steps: TalentRecognitionStepsTable;
  talent_review_criteria: TalentReviewCriteriaTable;
  talent_recognition_experts: TalentRecognitionExpertsTable;
  talent_recognition_objections: TalentRecognitionObjectionsTable;
  talent_agreements: TalentAgreementsTable;
  talent_agreement_days: TalentAgreementDaysTable;
  talent_deliverables: TalentDeliverablesTable;
  talent_indicators: TalentIndicatorsTable;
  talent_evaluations: TalentEvaluationsTable;
}
