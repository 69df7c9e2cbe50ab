// Shapes of the HTTP API (docs/api.md). Kinds, unit types, posts and roles come from domain/.
import type { CommitteePost, OrgKind, UnitType } from '../../../domain/org-kinds';
import type { Role } from '../../../domain/permissions';

export type Id = number;
/** A calendar date, `YYYY-MM-DD`. */
export type DateString = string;
/** An ISO 8601 timestamp. */
export type Timestamp = string;

export interface ErrorBody {
  error: { code: string; message: string; field?: string | null };
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Items<T> {
  items: T[];
}

// ---- auth and health ----
export interface Me {
  id: Id;
  username: string;
  displayName: string;
  roles: Role[];
  orgId: Id;
  orgName: string;
  mustChangePassword: boolean;
  demo: boolean;
}

export interface Health {
  status: 'ok';
  engine: 'pglite' | 'postgres';
  demo: boolean;
  version: string;
}

// ---- organizations ----
export type OrgStatus = 'active' | 'dissolved';

export interface OrgNode {
  id: Id;
  parentId: Id | null;
  name: string;
  shortName: string | null;
  kind: OrgKind;
  status: OrgStatus;
  childCount: number;
  isLeaf: boolean;
}

export interface CommitteeMember {
  id: Id;
  personName: string;
  post: CommitteePost;
  termStart: DateString | null;
  termEnd: DateString | null;
}

export interface OrgWarning {
  code: string;
  level: 'warning' | 'info';
  message: string;
  article: string;
}

export interface OrgDetail extends OrgNode {
  code: string;
  unitType: UnitType | null;
  establishedOn: DateString | null;
  dissolvedOn: DateString | null;
  path: { id: Id; name: string }[];
  /** null for a reader without member.read: the tree without its Party business. */
  memberCount: number | null;
  fullMemberCount: number | null;
  probationaryCount: number | null;
  committee: CommitteeMember[];
  warnings: OrgWarning[];
}

export interface OrgSearchHit {
  id: Id;
  name: string;
  kind: OrgKind;
  status: OrgStatus;
  pathNames: string;
}

export interface OrgHistoryEntry {
  id: Id;
  action: string;
  actorName: string | null;
  at: Timestamp;
  /** A snapshot of the changed object: an organization's fields, or the committee list. */
  before: unknown;
  after: unknown;
}

export interface OrgFields {
  name: string;
  shortName?: string | null;
  code?: string | null;
  kind: OrgKind;
  unitType?: UnitType | null;
  establishedOn?: DateString | null;
}

export interface OrgCreateBody extends OrgFields {
  parentId: Id;
}

export interface CommitteeInput {
  personName: string;
  post: CommitteePost;
  termStart?: DateString;
  termEnd?: DateString;
}

// ---- users ----
export interface UserRow {
  id: Id;
  username: string;
  displayName: string;
  orgId: Id;
  orgName: string;
  roles: Role[];
  disabled: boolean;
  lockedUntil: Timestamp | null;
  lastLoginAt: Timestamp | null;
  createdAt: Timestamp;
}

export interface UserCreateBody {
  username: string;
  displayName: string;
  orgId: Id;
  roles: Role[];
  password: string;
}

export type UserPatchBody = Partial<Pick<UserRow, 'displayName' | 'orgId' | 'roles' | 'disabled'>>;

// ---- audit ----
export type AuditResult = 'success' | 'failure' | 'denied';

export interface AuditRow {
  id: Id;
  seq: number;
  at: Timestamp;
  actorName: string | null;
  role: string | null;
  ip: string | null;
  action: string;
  actionLabel: string;
  objectType: string | null;
  objectLabel: string | null;
  objectId: string | null;
  objectName: string | null;
  result: AuditResult;
  requestId: string | null;
  detail: unknown;
}

export interface AuditFilter {
  from?: Timestamp;
  to?: Timestamp;
  actor?: string;
  action?: string;
  result?: AuditResult;
  objectType?: string;
  objectId?: string;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  problems: { seq: number; kind: 'edited' | 'missing' | 'broken_link'; message: string }[];
}

// ---- system ----
export interface Settings {
  passwordMaxAgeDays: number;
  passwordHistory: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  dormantDays: number;
}
