// Tables of the member record (migrations 001 and 002).
import type { Generated } from 'kysely';
import type { Json, Timestamp } from './types.js';

import type { MemberStatus } from '../../domain/member-status.js';

export type { MemberStatus };

export interface MembersTable {
  id: Generated<number>;
  org_id: number;
  /** Set by a trigger from org_id; never written by the application. */
  org_path: Generated<string>;
  name: string;
  gender: '男' | '女';
  category: 'full' | 'probationary';
  status: Generated<MemberStatus>;
  ethnicity: Generated<string>;
  birth_date: string | null;
  id_cipher: string | null;
  id_hash: string | null;
  id_masked: string | null;
  native_place: string | null;
  edu_fulltime: string | null;
  degree_fulltime: string | null;
  edu_inservice: string | null;
  degree_inservice: string | null;
  occupation: string | null;
  work_unit: string | null;
  job_post: string | null;
  phone: string | null;
  address: string | null;
  admitted_on: string | null;
  full_on: string | null;
  status_since: string | null;
  left_reason: string | null;
  /** Generated (migration 003): the higher of edu_fulltime and edu_inservice. */
  edu_highest: Generated<string | null>;
  name_initials: Generated<string>;
  sort_key: Generated<string>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface MemberHistoryTable {
  id: Generated<number>;
  member_id: number;
  action: string;
  actor_id: number | null;
  at: Timestamp;
  before: Json | null;
  after: Json | null;
}

export interface MemberTables {
  members: MembersTable;
  member_history: MemberHistoryTable;
}

// Migration 003: the account → member link (the member's own view), kept with the member tables.
declare module './types.js' {
  interface UsersTable {
    member_id: number | null;
  }
}
