// Tables of the cadre assessment (migration 017_cadre_assessments.sql, issue 13 point 4).
import type { Generated } from 'kysely';

type DateCol = string; // a date column read as 'YYYY-MM-DD' (see engine.ts type parsers)

export type AssessmentUnitStatus = 'draft' | 'submitted' | 'returned' | 'confirmed';

export interface AssessmentUnitsTable {
  id: Generated<number>;
  year: number;
  name: string;
  manager_org_id: number;
  /** Set by a trigger from manager_org_id; never written by the application. */
  manager_path: Generated<string>;
  cadre_unit_id: number | null;
  status: Generated<AssessmentUnitStatus>;
  raised: Generated<boolean>;
  raised_by: string | null;
  raised_doc: string | null;
  raised_on: DateCol | null;
  submitted_at: Date | null;
  submitted_by: number | null;
  decided_at: Date | null;
  decided_by: number | null;
  return_reason: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
}

export interface AssessmentEntriesTable {
  id: Generated<number>;
  unit_id: number;
  cadre_id: number;
  year: number;
  grade: string | null;
  comment: Generated<string>;
  new_hire_until: DateCol | null;
  sort: Generated<number>;
}

export interface CadreOngoingAssessmentsTable {
  id: Generated<number>;
  cadre_id: number;
  year: number;
  quarter: number;
  grade: string;
  note: Generated<string>;
  recorded_by: number | null;
  recorded_at: Generated<Date>;
}

export interface CadreSpecialAssessmentsTable {
  id: Generated<number>;
  cadre_id: number;
  on_date: DateCol;
  subject: string;
  result: string;
  note: Generated<string>;
  recorded_by: number | null;
  recorded_at: Generated<Date>;
}

export interface CadreAssessmentTables {
  assessment_units: AssessmentUnitsTable;
  assessment_entries: AssessmentEntriesTable;
  cadre_ongoing_assessments: CadreOngoingAssessmentsTable;
  cadre_special_assessments: CadreSpecialAssessmentsTable;
}
