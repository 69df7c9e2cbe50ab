// Tables of the development area (migration 004_development.sql).
import type { Generated } from 'kysely';
import type { Json } from './types.js';
import type { PersonStatus } from '../../domain/rules/development-steps.js';

export interface DevRuleSetsTable {
  version: string;
  effective_from: string;
  title: string;
  numbers: Json;
  articles: Json;
  created_at: Generated<Date>;
}

export interface DevPeopleTable {
  id: Generated<number>;
  org_id: number;
  /** Set by a trigger from org_id; never written by the application. */
  org_path: Generated<string>;
  name: string;
  gender: '男' | '女';
  birth_date: string;
  ethnicity: Generated<string>;
  id_cipher: string | null;
  id_hash: string | null;
  id_masked: string | null;
  education: string | null;
  occupation: string | null;
  work_unit: string | null;
  phone: string | null;
  name_initials: Generated<string>;
  sort_key: Generated<string>;
  status: Generated<PersonStatus>;
  last_step: Generated<number>;
  applied_on: string;
  admitted_on: string | null;
  probation_end: string | null;
  extension_months: number | null;
  full_on: string | null;
  next_step: number | null;
  next_from: string | null;
  next_by: string | null;
  member_id: number | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface DevStepsTable {
  id: Generated<number>;
  person_id: number;
  step_no: number;
  done_on: string;
  passed: Generated<boolean>;
  people: Json;
  documents: Json;
  note: string | null;
  vote: Json | null;
  outcome: 'full' | 'extend' | 'cancel' | null;
  extension_months: number | null;
  training_days: string | number | null;
  training_hours: string | number | null;
  review_passed: boolean | null;
  leaving_soon: boolean | null;
  override_codes: string[] | null;
  override_reason: string | null;
  override_by: string | null;
  rule_version: string;
  actor_id: number | null;
  created_at: Generated<Date>;
}

export interface DevelopmentTables {
  dev_rule_sets: DevRuleSetsTable;
  dev_people: DevPeopleTable;
  dev_steps: DevStepsTable;
}
