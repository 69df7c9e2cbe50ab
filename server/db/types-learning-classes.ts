// Training classes (migration 027_learning_classes.sql, issue 14 point 5).
import type { Generated } from 'kysely';

type DateCol = string; // 'YYYY-MM-DD'
/** numeric: read back as a string, written as a number or a string. */
type Numeric = number | string;

export interface LearningClassesTable {
  id: Generated<number>;
  org_id: number;
  title: string;
  audience: Generated<string>;
  description: Generated<string>;
  capacity: number | null;
  open_for_application: Generated<boolean>;
  status: Generated<'open' | 'completed'>;
  completed_on: DateCol | null;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface LearningClassSessionsTable {
  id: Generated<number>;
  class_id: number;
  date: DateCol;
  start_time: string;
  end_time: string;
  hours: Numeric;
  teacher: Generated<string>;
  place: Generated<string>;
  online_url: Generated<string>;
  sign_secret: string;
  closed_at: Date | null;
}

export type TraineeStatus = 'applied' | 'enrolled' | 'rejected' | 'withdrawn' | 'completed';

export interface LearningClassTraineesTable {
  id: Generated<number>;
  class_id: number;
  member_id: number | null;
  cadre_id: number | null;
  name: string;
  status: TraineeStatus;
  via: 'list' | 'application';
  status_note: Generated<string>;
  hours_attended: Numeric | null;
  certificate_code: string | null;
  certificate_issued_on: DateCol | null;
  created_at: Generated<Date>;
}

export interface LearningClassAttendanceTable {
  session_id: number;
  trainee_id: number;
  status: 'present' | 'late' | 'leave' | 'absent';
  method: 'code' | 'organizer' | 'close';
  signed_at: Date | null;
}

export interface LearningClassLeavesTable {
  id: Generated<number>;
  session_id: number;
  trainee_id: number;
  reason: string;
  status: Generated<'pending' | 'approved' | 'rejected'>;
  decided_by: number | null;
  decided_at: Date | null;
  created_at: Generated<Date>;
}

export interface LearningClassEvalDoneTable {
  session_id: number;
  trainee_id: number;
}

export interface LearningClassEvaluationsTable {
  id: string;
  session_id: number;
  content: number;
  teaching: number;
  overall: number;
  comment: Generated<string>;
}

export interface LearningClassesTables {
  learning_classes: LearningClassesTable;
  learning_class_sessions: LearningClassSessionsTable;
  learning_class_trainees: LearningClassTraineesTable;
  learning_class_attendance: LearningClassAttendanceTable;
  learning_class_leaves: LearningClassLeavesTable;
  learning_class_eval_done: LearningClassEvalDoneTable;
  learning_class_evaluations: LearningClassEvaluationsTable;
}
