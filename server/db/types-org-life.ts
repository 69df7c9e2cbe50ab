// Tables of organizational life and branch work (migration 007_org_life.sql, issue 4).
import type { Generated } from 'kysely';
import type { Json, Timestamp } from './types.js';

type DateCol = string; // a date column read as 'YYYY-MM-DD' (see engine.ts type parsers)

export interface MeetingsTable {
  id: Generated<number>;
  org_id: number;
  kinds: string[];
  status: Generated<'planned' | 'held' | 'cancelled'>;
  planned_on: DateCol | null;
  held_on: DateCol | null;
  start_time: string | null;
  place: string | null;
  topic: string;
  host: string | null;
  recorder: string | null;
  minutes: string | null;
  decisions: string | null;
  should_attend: number | null;
  present: number | null;
  late: Generated<boolean>;
  recorded_at: Timestamp | null;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}
export interface MeetingPurposesTable {
  meeting_id: number;
  org_id: number;
  kind: string;
  held_on: DateCol;
}
export interface MeetingAttendanceTable {
  meeting_id: number;
  member_id: number;
  present: boolean;
  absence_reason: string | null;
}
export interface MeetingAttachmentsTable {
  id: Generated<number>;
  meeting_id: number;
  file_name: string;
  mime: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  uploaded_by: number | null;
  uploaded_at: Generated<Date>;
}
export interface AppraisalsTable {
  id: Generated<number>;
  org_id: number;
  year: number;
  meeting_id: number | null;
  status: Generated<'draft' | 'final'>;
  note: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
  finalized_at: Timestamp | null;
}
export interface AppraisalGradesTable {
  appraisal_id: number;
  member_id: number;
  grade: 'excellent' | 'qualified' | 'basically_qualified' | 'unqualified' | null;
  note: string | null;
}

export interface OrgTermsTable {
  id: Generated<number>;
  org_id: number;
  term_kind: 'primary-committee' | 'general-branch' | 'branch';
  term_years: number;
  elected_on: DateCol;
  ends_on: DateCol;
  election_id: number | null;
  ended_on: DateCol | null;
  created_at: Generated<Date>;
}
export interface TermAdjustmentsTable {
  id: Generated<number>;
  term_id: number;
  org_id: number;
  kind: 'delay' | 'advance';
  original_end: DateCol;
  new_end: DateCol;
  reason: string;
  status: Generated<'proposed' | 'approved' | 'rejected'>;
  proposed_by: number | null;
  proposed_at: Generated<Date>;
  decided_by: number | null;
  decided_org_id: number | null;
  decided_at: Timestamp | null;
  decision_note: string | null;
}
export interface ElectionsTable {
  id: Generated<number>;
  org_id: number;
  term_id: number | null;
  status: Generated<'requested' | 'approved' | 'rejected' | 'held' | 'failed' | 'confirmed'>;
  planned_on: DateCol | null;
  request_note: string | null;
  planned_seats: number | null;
  requested_by: number | null;
  requested_at: Generated<Date>;
  approved_by: number | null;
  approved_org_id: number | null;
  approved_at: Timestamp | null;
  decision_note: string | null;
  held_on: DateCol | null;
  should_attend: number | null;
  present: number | null;
  quorate: boolean | null;
  minutes: string | null;
  confirmed_by: number | null;
  confirmed_org_id: number | null;
  confirmed_at: Timestamp | null;
  version: Generated<number>;
}
export interface ElectionCandidatesTable {
  id: Generated<number>;
  election_id: number;
  member_id: number | null;
  person_name: string;
  post: Generated<'secretary' | 'deputy_secretary' | 'member'>;
  votes_for: number | null;
  elected: boolean | null;
}

export interface StandardChecklistsTable {
  id: Generated<number>;
  name: string;
  effective_from: DateCol;
  items: Json;
  star_thresholds: Json;
  created_by: number | null;
  created_at: Generated<Date>;
}
export interface StandardAssessmentsTable {
  id: Generated<number>;
  org_id: number;
  year: number;
  checklist_id: number;
  status: Generated<'draft' | 'submitted' | 'reviewed' | 'returned'>;
  self_scores: Json;
  self_total: string | null; // numeric comes back as text
  self_note: string | null;
  submitted_by: number | null;
  submitted_at: Timestamp | null;
  review_scores: Json | null;
  review_total: string | null;
  review_note: string | null;
  stars: number | null;
  reviewed_by: number | null;
  reviewer_org_id: number | null;
  reviewed_at: Timestamp | null;
  version: Generated<number>;
}
export interface StarRatingsTable {
  id: Generated<number>;
  org_id: number;
  year: number;
  stars: number;
  assessment_id: number | null;
  rated_on: DateCol;
  rated_by_org_id: number | null;
}
export interface WeakOrgsTable {
  id: Generated<number>;
  org_id: number;
  year: number;
  reasons: string[];
  note: string | null;
  identified_on: DateCol;
  identified_by: number | null;
  identified_org_id: number | null;
  status: Generated<'rectifying' | 'rectified'>;
  rectified_on: DateCol | null;
  accepted_by: number | null;
}
export interface RectificationTasksTable {
  id: Generated<number>;
  weak_org_id: number;
  org_id: number;
  title: string;
  measure: string | null;
  owner: string;
  due_on: DateCol;
  progress: Generated<number>;
  status: Generated<'open' | 'done'>;
  done_on: DateCol | null;
  note: string | null;
  updated_at: Generated<Date>;
}

export interface JointTasksTable {
  id: Generated<number>;
  org_id: number;
  year: number;
  title: string;
  party_side: string;
  business_side: string;
  party_owner: string;
  business_owner: string;
  start_on: DateCol | null;
  due_on: DateCol;
  stage: Generated<'planned' | 'deployed' | 'in_progress' | 'done' | 'checked'>;
  progress: Generated<number>;
  check_result: 'excellent' | 'good' | 'passed' | 'failed' | null;
  check_note: string | null;
  checked_by: number | null;
  checked_org_id: number | null;
  checked_on: DateCol | null;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}
export interface JointTaskUpdatesTable {
  id: Generated<number>;
  task_id: number;
  at: Generated<Date>;
  stage: string;
  progress: number;
  note: string | null;
  actor_id: number | null;
  actor_name: string | null;
}

/** Migration 041: held meetings by unit, month (year * 12 + month - 1) and kind; kept by triggers. */
export interface OrgLifeHeldTable {
  org_id: number;
  ym: number;
  kind: string;
  n: number;
  late: number;
}
/** Migration 041: org_life_held packed by unit and year, 'kind:ym:n:late,…'. */
export interface OrgLifeHeldYearsTable {
  org_id: number;
  year: number;
  cells: string;
}
/** Migration 041: a branch's committee members on record and full members counted (its 党小组's included). */
export interface OrgLifeFactsTable {
  org_id: number;
  committee_n: number;
  full_n: number;
}

/** Migration 041: an organization's current term, approved delay, secretary and latest election. */
export interface OrgTermFactsTable {
  org_id: number;
  term_id: number | null;
  term_kind: string | null;
  term_years: number | null;
  elected_on: string | null;
  ends_on: string | null;
  election_id: number | null;
  delayed: boolean;
  secretary: string | null;
  latest_id: number | null;
  latest_status: string | null;
}

export interface OrgLifeTables {
  org_life_held: OrgLifeHeldTable;
  org_life_held_years: OrgLifeHeldYearsTable;
  org_life_facts: OrgLifeFactsTable;
  org_term_facts: OrgTermFactsTable;
  meetings: MeetingsTable;
  meeting_purposes: MeetingPurposesTable;
  meeting_attendance: MeetingAttendanceTable;
  meeting_attachments: MeetingAttachmentsTable;
  appraisals: AppraisalsTable;
  appraisal_grades: AppraisalGradesTable;
  org_terms: OrgTermsTable;
  term_adjustments: TermAdjustmentsTable;
  elections: ElectionsTable;
  election_candidates: ElectionCandidatesTable;
  standard_checklists: StandardChecklistsTable;
  standard_assessments: StandardAssessmentsTable;
  star_ratings: StarRatingsTable;
  weak_orgs: WeakOrgsTable;
  rectification_tasks: RectificationTasksTable;
  joint_tasks: JointTasksTable;
  joint_task_updates: JointTaskUpdatesTable;
}
