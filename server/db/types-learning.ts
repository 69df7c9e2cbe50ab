// The 学时 ledger (migration 021_learning_core.sql, issue 14). Each learning module adds its own
// tables in its own types file.
import type { Generated } from 'kysely';

type DateCol = string; // 'YYYY-MM-DD'

export interface LearningCreditsTable {
  id: Generated<number>;
  member_id: number | null;
  cadre_id: number | null;
  /** An activist's development record (migration 040). */
  dev_person_id: Generated<number | null>;
  year: number;
  earned_on: DateCol;
  source: 'online' | 'quiz' | 'class' | 'assigned' | 'party_school' | 'self';
  source_ref: string;
  title: string;
  /** numeric(6,1): read back as a string ('12.5'), written as a number or a string. */
  hours: number | string;
  online: Generated<boolean>;
  status: Generated<'approved' | 'pending' | 'rejected'>;
  duplicate_of: number | null;
  note: Generated<string>;
  created_by: number | null;
  created_at: Generated<Date>;
}

/** What a learner has earned toward a plan (migration 040), kept by triggers: read only. */
export interface LearningPlanProgressTable {
  plan_id: number;
  learner_kind: 'member' | 'cadre' | 'activist';
  learner_id: number;
  org_id: number | null;
  counted: boolean;
  hours: number | string;
  quizzes: number;
}

/** Each member's counted 学时 of a year by source (migration 040), kept by triggers: read only. */
export interface LearningYearTotalsTable {
  member_id: number;
  year: number;
  online_h: number | string;
  quiz_h: number | string;
  class_h: number | string;
  assigned_h: number | string;
  party_school_h: number | string;
  self_h: number | string;
  total: number | string;
  online_total: number | string;
}

export interface LearningCoreTables {
  learning_credits: LearningCreditsTable;
  learning_plan_progress: LearningPlanProgressTable;
  learning_year_totals: LearningYearTotalsTable;
}

// Migration 040: the account → activist link (an activist's own plans and study).
declare module './types.js' {
  interface UsersTable {
    dev_person_id: Generated<number | null>;
  }
}
