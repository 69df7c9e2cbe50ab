// The 学时 archive's tables (migration 028_learning_hours.sql, issue 14 point 6).
import type { Generated } from 'kysely';

type DateCol = string; // 'YYYY-MM-DD'
/** numeric: read back as a string, written as a number or a string. */
type Num = number | string;

export interface LearningRequirementsTable {
  id: Generated<number>;
  audience: string;
  hours: Num;
  period_years: number;
  effective_from: DateCol;
  source: string;
  tag: string;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface LearningSelfReportsTable {
  id: Generated<number>;
  member_id: number | null;
  cadre_id: number | null;
  credit_id: number | null;
  title: string;
  organizer: Generated<string>;
  started_on: DateCol;
  ended_on: DateCol;
  hours: Num;
  online: Generated<boolean>;
  evidence_name: string;
  evidence_mime: string;
  evidence_size: number;
  evidence_sha256: string;
  evidence: Buffer;
  status: Generated<'pending' | 'approved' | 'rejected'>;
  reason: Generated<string>;
  late: Generated<boolean>;
  submitted_at: Generated<Date>;
  decided_by: number | null;
  decided_at: Date | null;
}

export interface LearningImportsTable {
  id: Generated<number>;
  kind: 'assigned' | 'party_school';
  file_name: string;
  rows: number;
  org_id: number;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface LearningDuplicateReviewsTable {
  credit_id: number;
  of_id: number;
  decision: 'confirmed' | 'undone';
  decided_by: number | null;
  decided_at: Generated<Date>;
}

export interface LearningYearClosuresTable {
  id: Generated<number>;
  org_id: number;
  year: number;
  closed_at: Date;
  closed_by: number | null;
  people: Generated<number>;
}

export interface LearningYearSnapshotsTable {
  closure_id: number;
  member_id: number;
  required: Num;
  online_h: Num;
  quiz_h: Num;
  class_h: Num;
  assigned_h: Num;
  party_school_h: Num;
  self_h: Num;
  total: Num;
  online_total: Num;
}

export interface LearningHoursTables {
  learning_requirements: LearningRequirementsTable;
  learning_self_reports: LearningSelfReportsTable;
  learning_imports: LearningImportsTable;
  learning_duplicate_reviews: LearningDuplicateReviewsTable;
  learning_year_closures: LearningYearClosuresTable;
  learning_year_snapshots: LearningYearSnapshotsTable;
}
