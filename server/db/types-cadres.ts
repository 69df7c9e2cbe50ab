// Tables of the cadre records (migration 014_cadres.sql, issue 12).
import type { Generated } from 'kysely';
import type { Json, Timestamp } from './types.js';

type DateCol = string; // a date column read as 'YYYY-MM-DD' (see engine.ts type parsers)

export interface CadreUnitsTable {
  id: Generated<number>;
  manager_org_id: number;
  /** Set by a trigger from manager_org_id; never written by the application. */
  manager_path: Generated<string>;
  org_id: number | null;
  name: string;
  short_name: string | null;
  kind: string;
  level: string;
  parent_unit_id: number | null;
  sort: Generated<number>;
  name_initials: Generated<string>;
  dissolved_on: DateCol | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CadrePostsTable {
  id: Generated<number>;
  unit_id: number;
  title: string;
  level: string;
  principal: boolean;
  line: Generated<string>;
  elected: Generated<boolean>;
  probation_kind: string | null;
  quota: number;
  sort: Generated<number>;
  abolished_on: DateCol | null;
  version: Generated<number>;
  created_at: Generated<Date>;
}

export interface CadresTable {
  id: Generated<number>;
  manager_org_id: number;
  /** Set by a trigger from manager_org_id; never written by the application. */
  manager_path: Generated<string>;
  member_id: number | null;
  user_id: number | null;
  name: string;
  sex: Generated<string>;
  birth: string | null;
  ethnicity: Generated<string>;
  id_cipher: string | null;
  id_hash: string | null;
  id_masked: string | null;
  native_place: Generated<string>;
  birth_place: Generated<string>;
  party_join: string | null;
  political: Generated<string>;
  party_name: Generated<string>;
  work_start: string | null;
  health: Generated<string>;
  pro_title: Generated<string>;
  expertise: Generated<string>;
  edu_full_time: Generated<Json>;
  edu_in_service: Generated<Json>;
  edu_rank: number | null;
  background: Generated<string>;
  resume: Generated<Json>;
  grassroots_months: number | null;
  rank_title: Generated<string>;
  level: string | null;
  current_unit_id: number | null;
  current_title: Generated<string>;
  current_since: DateCol | null;
  photo: Buffer | null;
  photo_mime: string | null;
  lrmx_version: string | null;
  lrmx_extras: Generated<Json>;
  form_texts: Generated<Json>;
  status: Generated<string>;
  left_on: DateCol | null;
  left_reason: string | null;
  name_initials: Generated<string>;
  sort_key: Generated<string>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CadreAppointmentsTable {
  id: Generated<number>;
  cadre_id: number;
  post_id: number | null;
  unit_id: number | null;
  title: string;
  level: string | null;
  principal: Generated<boolean>;
  decided_on: DateCol;
  doc_no: Generated<string>;
  probation_until: DateCol | null;
  ended_on: DateCol | null;
  end_doc_no: string | null;
  end_reason: string | null;
  concurrent: Generated<boolean>;
  sort: Generated<number>;
  created_at: Generated<Date>;
}

export interface CadreRanksTable {
  id: Generated<number>;
  cadre_id: number;
  title: string;
  level: string | null;
  decided_on: DateCol;
  doc_no: Generated<string>;
  ended_on: DateCol | null;
  created_at: Generated<Date>;
}

export interface CadreRewardsTable {
  id: Generated<number>;
  cadre_id: number;
  kind: 'reward' | 'punishment';
  on_date: DateCol | null;
  text: string;
  on_form: Generated<boolean>;
  until: DateCol | null;
  sort: Generated<number>;
}

export interface CadreAssessmentsTable {
  cadre_id: number;
  year: number;
  grade: string;
  note: Generated<string>;
}

export interface CadreFamilyTable {
  id: Generated<number>;
  cadre_id: number;
  sort: Generated<number>;
  relation: string;
  name: string;
  birth: string | null;
  political: Generated<string>;
  work_post: Generated<string>;
  deceased: Generated<boolean>;
  abroad_country: string | null;
  abroad_status: string | null;
  relative_cadre_id: number | null;
}

export interface CadreReviewsTable {
  id: Generated<number>;
  cadre_id: number;
  item: 'birth' | 'work_start' | 'party_join' | 'education' | 'work_history';
  value: string;
  source: string;
  reviewer_id: number | null;
  reviewer_name: string;
  reviewed_on: DateCol;
  note: Generated<string>;
  superseded_at: Timestamp | null;
  created_at: Generated<Date>;
}

export interface CadreHistoryTable {
  id: Generated<number>;
  cadre_id: number;
  section: string;
  action: string;
  actor_id: number | null;
  at: Timestamp;
  reason: string | null;
  before: Json | null;
  after: Json | null;
}

export interface CadreCorrectionsTable {
  id: Generated<number>;
  cadre_id: number;
  requested_by: number | null;
  requested_at: Timestamp;
  section: string;
  field: string;
  current_value: Generated<string>;
  proposed_value: string;
  reason: string;
  evidence_name: string | null;
  evidence_mime: string | null;
  evidence: Buffer | null;
  status: Generated<'pending' | 'approved' | 'refused' | 'withdrawn'>;
  decided_by: number | null;
  decided_at: Timestamp | null;
  decision_note: string | null;
}

export interface CadreTeamsTable {
  id: Generated<number>;
  unit_id: number;
  name: string;
  term_years: Generated<number>;
  term_started_on: DateCol | null;
  renew_due_on: DateCol | null;
  note: Generated<string>;
  version: Generated<number>;
}

export interface CadreSavedQueriesTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  query: Json;
  created_at: Generated<Date>;
}

export interface CadreTables {
  cadre_units: CadreUnitsTable;
  cadre_posts: CadrePostsTable;
  cadres: CadresTable;
  cadre_appointments: CadreAppointmentsTable;
  cadre_ranks: CadreRanksTable;
  cadre_rewards: CadreRewardsTable;
  cadre_assessments: CadreAssessmentsTable;
  cadre_family: CadreFamilyTable;
  cadre_reviews: CadreReviewsTable;
  cadre_history: CadreHistoryTable;
  cadre_corrections: CadreCorrectionsTable;
  cadre_teams: CadreTeamsTable;
  cadre_saved_queries: CadreSavedQueriesTable;
}
