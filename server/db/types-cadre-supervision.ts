// Tables of 能上能下, the young-cadre pool and supervision records (migrations 019_cadre_supervision.sql and
// 023_cadre_supervision_more.sql, issue 13 points 6–8).
import type { Generated } from 'kysely';
import type { Json } from './types.js';

type DateCol = string; // a date column read as 'YYYY-MM-DD' (see engine.ts type parsers)

export interface CadreAdjustmentsTable {
  id: Generated<number>;
  cadre_id: number;
  kind: string;
  situation: string;
  rules_version: string;
  decided_on: DateCol;
  doc_no: Generated<string>;
  appointment_id: number | null;
  note: Generated<string>;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface CadrePoolEntriesTable {
  id: Generated<number>;
  cadre_id: number;
  entered_on: DateCol;
  nominated_by: string;
  source: string;
  eligible: boolean;
  findings: Json;
  criteria_version: string;
  left_on: DateCol | null;
  leave_reason: string | null;
  leave_kind: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface CadreMatterReportsTable {
  id: Generated<number>;
  cadre_id: number;
  year: number;
  filed_on: DateCol;
  check_kind: Generated<string>;
  finding: Generated<string>;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface CadrePassportsTable {
  id: Generated<number>;
  cadre_id: number;
  kind: string;
  number: string;
  handed_in_on: DateCol;
  taken_out_on: DateCol | null;
  trip: string | null;
  due_on: DateCol | null;
  returned_on: DateCol | null;
  trip_id: number | null;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface CadrePartTimePostsTable {
  id: Generated<number>;
  cadre_id: number;
  organization: string;
  post: string;
  approved_on: DateCol;
  approved_by: string;
  doc_no: Generated<string>;
  paid: Generated<boolean>;
  ends_on: DateCol | null;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface CadreTripsTable {
  id: Generated<number>;
  cadre_id: number;
  destinations: string;
  purpose: string;
  funded_by: string;
  applied_on: DateCol;
  depart_on: DateCol;
  return_on: DateCol;
  status: Generated<string>;
  decided_on: DateCol | null;
  decided_by: string | null;
  refusal_reason: string | null;
  passport_id: number | null;
  came_back_on: DateCol | null;
  rules_version: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface CadrePoolPlansTable {
  id: Generated<number>;
  entry_id: number;
  kind: string;
  place: string;
  starts_on: DateCol;
  ends_on: DateCol | null;
  note: Generated<string>;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface CadrePoolNotesTable {
  id: Generated<number>;
  entry_id: number;
  noted_on: DateCol;
  text: string;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface CadreSupervisionTables {
  cadre_adjustments: CadreAdjustmentsTable;
  cadre_pool_entries: CadrePoolEntriesTable;
  cadre_matter_reports: CadreMatterReportsTable;
  cadre_passports: CadrePassportsTable;
  cadre_part_time_posts: CadrePartTimePostsTable;
  cadre_trips: CadreTripsTable;
  cadre_pool_plans: CadrePoolPlansTable;
  cadre_pool_notes: CadrePoolNotesTable;
}
