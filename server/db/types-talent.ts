// The talent core (migration 022_talent_core.sql, issue 15). Each talent module adds its own tables
// in its own types file.
import type { Generated } from 'kysely';
import type { Json, Timestamp } from './types.js';

type DateCol = string; // 'YYYY-MM-DD'

export interface TalentTierSetsTable {
  id: Generated<number>;
  code: string;
  name: string;
  effective_on: DateCol;
  superseded_on: DateCol | null;
  source: Generated<string>;
  created_at: Generated<Date>;
  /** Added by 029_talent.sql: working days of a 认定's 公示 under this set. */
  publicity_days: Generated<number>;
}

export interface TalentTiersTable {
  id: Generated<number>;
  set_id: number;
  code: string;
  name: string;
  rank: number;
  card_years: Generated<number>;
  expert_review: Generated<boolean>;
  description: Generated<string>;
}

export interface TalentEmployersTable {
  id: Generated<number>;
  name: string;
  credit_code: string | null;
  district_org_id: number;
  /** Set by a trigger from district_org_id; never written by the application. */
  district_path: Generated<string>;
  industry: Generated<string>;
  kind: Generated<string>;
  contact_name: Generated<string>;
  contact_phone: Generated<string>;
  verified_on: DateCol | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface TalentEmployerUsersTable {
  employer_id: number;
  user_id: number;
}

export interface TalentPeopleTable {
  id: Generated<number>;
  member_id: number | null;
  cadre_id: number | null;
  user_id: number | null;
  name: string;
  sex: Generated<string>;
  birth: DateCol | null;
  id_cipher: string | null;
  id_hash: string | null;
  id_masked: string | null;
  nationality: Generated<string>;
  phone: Generated<string>;
  email: Generated<string>;
  employer_id: number | null;
  district_org_id: number;
  /** Set by a trigger from district_org_id; never written by the application. */
  district_path: Generated<string>;
  field: Generated<string>;
  industry: Generated<string>;
  recruitment: Generated<'full_time' | 'flexible'>;
  degrees: Json;
  titles: Json;
  returned_on: DateCol | null;
  tier_id: number | null;
  card_no: string | null;
  card_issued_on: DateCol | null;
  card_expires_on: DateCol | null;
  status: Generated<'active' | 'left'>;
  left_on: DateCol | null;
  name_initials: Generated<string>;
  /** Added by 029_talent.sql (pinyin sort key, db/name-keys.ts). */
  sort_key: Generated<string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface TalentHistoryTable {
  id: Generated<number>;
  person_id: number;
  user_id: number | null;
  at: Timestamp;
  change: string;
  before: Json | null;
  after: Json | null;
}

export interface TalentCoreTables {
  talent_tier_sets: TalentTierSetsTable;
  talent_tiers: TalentTiersTable;
  talent_employers: TalentEmployersTable;
  talent_employer_users: TalentEmployerUsersTable;
  talent_people: TalentPeopleTable;
  talent_history: TalentHistoryTable;
}
