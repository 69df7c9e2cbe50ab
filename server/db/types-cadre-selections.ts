// Tables of the selection procedure (migrations 018_cadre_selections.sql and 024_cadre_selections_more.sql, issue 13).
import type { Generated } from 'kysely';
import type { Json, Timestamp } from './types.js';

type DateCol = string; // a date column read as 'YYYY-MM-DD' (see engine.ts type parsers)

export interface CadreSelectionsTable {
  id: Generated<number>;
  manager_org_id: number;
  title: string;
  /** [postId, …] */
  post_ids: Json;
  motion_on: DateCol;
  grounds: string;
  scope: Generated<string>;
  way: string;
  promotion: Generated<boolean>;
  step: Generated<string>;
  status: Generated<'open' | 'closed' | 'stopped'>;
  step_dates: Json;
  recommendation: Json | null;
  inspection: Json | null;
  meeting: Json | null;
  publicity: Json | null;
  appointment: Json | null;
  version: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
  /** 终止 (migration 024): when, why and by whom. */
  stopped_on: DateCol | null;
  stop_reason: string | null;
  stopped_by: string | null;
}

/** 竞争上岗 applicants (migration 024). */
export interface CadreSelectionApplicantsTable {
  id: Generated<number>;
  selection_id: number;
  cadre_id: number;
  post_id: number;
  signed_up_on: DateCol;
  qualified: boolean | null;
  review_note: string | null;
  review_findings: Json | null;
  reviewed_by: string | null;
  reviewed_on: DateCol | null;
  written_score: number | null;
  interview_score: number | null;
  evaluation_note: string | null;
  chosen: Generated<boolean>;
}

export interface CadreSelectionCandidatesTable {
  id: Generated<number>;
  selection_id: number;
  cadre_id: number;
  post_id: number;
  votes: number | null;
  talk_mentions: number | null;
  training_hours: Generated<number>;
  exceptional_reasons: string | null;
  four_musts: Json;
  overrides: Json;
  avoidance_decision: Json | null;
  vote: Json | null;
  dropped_reason: string | null;
  appointment_id: number | null;
  probation_until: DateCol | null;
  probation_result: 'competent' | 'incompetent' | null;
  probation_decided_on: DateCol | null;
  sort: Generated<number>;
}

export interface CadreSelectionObjectionsTable {
  id: Generated<number>;
  selection_id: number;
  candidate_id: number | null;
  received_on: DateCol;
  text: string;
  status: Generated<'open' | 'handled' | 'upheld'>;
  handling: string | null;
  handled_by: string | null;
  handled_on: DateCol | null;
}

export interface CadreSelectionEventsTable {
  id: Generated<number>;
  selection_id: number;
  at: Timestamp;
  on_date: DateCol;
  step: string;
  action: string;
  actor_name: string;
  summary: string;
}

export interface CadreSelectionTables {
  cadre_selections: CadreSelectionsTable;
  cadre_selection_candidates: CadreSelectionCandidatesTable;
  cadre_selection_objections: CadreSelectionObjectionsTable;
  cadre_selection_events: CadreSelectionEventsTable;
  cadre_selection_applicants: CadreSelectionApplicantsTable;
}
