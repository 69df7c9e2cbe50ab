// Table types for Kysely. Generated columns (ids, defaults) are Generated<> so inserts may omit them.
import type { ColumnType, Generated } from 'kysely';
import type { MemberTables } from './types-members.js';
import type { DevelopmentTables } from './types-development.js';
import type { TransferTables } from './types-transfers.js';
import type { DuesTables } from './types-dues.js';
import type { OrgLifeTables } from './types-org-life.js';
import type { StatTables } from './types-statistics.js';
import type { CadreTables } from './types-cadres.js';
import type { CadreEvaluationTables } from './types-cadre-evaluations.js';
import type { CadreAssessmentTables } from './types-cadre-assessments.js';
import type { CadreSelectionTables } from './types-cadre-selections.js';
import type { CadreSupervisionTables } from './types-cadre-supervision.js';
import type { LearningCoreTables } from './types-learning.js';
import type { TalentCoreTables } from './types-talent.js';
import type { TalentServiceTables } from './types-talent-services.js';
import type { LearningQuizTables } from './types-learning-quizzes.js';
import type { LearningClassesTables } from './types-learning-classes.js';
import type { LearningHoursTables } from './types-learning-hours.js';
import type { LearningMaterialTables } from './types-learning-materials.js';
import type { TalentRegistryTables } from './types-talent-registry.js';
import type { TalentPolicyTables } from './types-talent-policies.js';
import type { TalentPortalTables } from './types-talent-portal.js';

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type Json = ColumnType<unknown, string | undefined, string>;

export interface SettingsTable {
  key: string;
  value: Json;
  updated_at: Generated<Date>;
}

export interface OrgsTable {
  id: Generated<number>;
  parent_id: number | null;
  path: string;
  name: string;
  short_name: string | null;
  code: string;
  kind: string;
  unit_type: string | null;
  established_on: string | null;
  status: Generated<'active' | 'dissolved'>;
  dissolved_on: string | null;
  name_initials: Generated<string>;
  sort_key: Generated<string>;
  child_count: Generated<number>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface OrgCommitteeMembersTable {
  id: Generated<number>;
  org_id: number;
  person_name: string;
  post: 'secretary' | 'deputy_secretary' | 'member';
  term_start: string | null;
  term_end: string | null;
  created_at: Generated<Date>;
}

export interface OrgHistoryTable {
  id: Generated<number>;
  org_id: number;
  action: string;
  actor_id: number | null;
  at: Generated<Date>;
  before: Json | null;
  after: Json | null;
}

export type { MembersTable } from './types-members.js';

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  org_id: number;
  password_hash: string;
  password_changed_at: Timestamp;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  disabled: Generated<boolean>;
  last_login_at: Timestamp | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  /** TOTP secret sealed with the instance key (issue 11.4). */
  totp_secret: string | null;
  totp_enabled_at: Timestamp | null;
  /** The last accepted TOTP time step: a code is never accepted twice. */
  totp_last_step: string | number | null;
  demo_account: Generated<boolean>;
}

export interface TotpRecoveryCodesTable {
  id: Generated<string>;
  user_id: number;
  code_hash: string;
  used_at: Timestamp | null;
}
export interface AuthPendingTable {
  id: string;
  user_id: number;
  created_at: Timestamp;
  expires_at: Timestamp;
  enrol_secret: string | null;
  used_at: Timestamp | null;
}

export interface UserRolesTable {
  user_id: number;
  role: string;
}
export interface PasswordHistoryTable {
  id: Generated<number>;
  user_id: number;
  password_hash: string;
  created_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  revoked_at: Timestamp | null;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  seq: number;
  at: Timestamp;
  actor_id: number | null;
  actor_name: string | null;
  role: string | null;
  ip: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  result: 'success' | 'failure' | 'denied';
  request_id: string | null;
  detail: Json | null;
  prev_hash: string;
  hash: string;
}

/** The last row of each audit purge (migration 011): the chain is verified from here. */
export interface AuditAnchorsTable {
  id: Generated<number>;
  seq: number;
  hash: string;
  purged_at: Generated<Date>;
  purged_by: string;
  rows: number;
  before: Timestamp;
  export_sha256: string;
}

export interface SchemaMigrationsTable {
  name: string;
  applied_at: Generated<Date>;
}

// Each area's tables live in its own types-<area>.ts; DB is their union.
export interface DB
  extends
    MemberTables,
    DevelopmentTables,
    TransferTables,
    DuesTables,
    OrgLifeTables,
    StatTables,
    CadreTables,
    CadreEvaluationTables,
    CadreAssessmentTables,
    CadreSelectionTables,
    CadreSupervisionTables,
    LearningCoreTables,
    TalentCoreTables,
    TalentServiceTables,
    LearningQuizTables,
    LearningClassesTables,
    LearningHoursTables,
    LearningMaterialTables,
    TalentRegistryTables,
    TalentPolicyTables,
    TalentPortalTables {
  settings: SettingsTable;
  orgs: OrgsTable;
  org_committee_members: OrgCommitteeMembersTable;
  org_history: OrgHistoryTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  password_history: PasswordHistoryTable;
  sessions: SessionsTable;
  totp_recovery_codes: TotpRecoveryCodesTable;
  auth_pending: AuthPendingTable;
  audit_log: AuditLogTable;
  audit_anchors: AuditAnchorsTable;
  schema_migrations: SchemaMigrationsTable;
}
