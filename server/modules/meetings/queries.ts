// SQL of meetings: the roster an organization records attendance from, the list (one filter builder
// for the list and the export, SECURITY.md 13 and 22), and the reads behind a meeting's detail.
import { sql, type Selectable } from 'kysely';
import type { Db } from '../../db/engine.js';
import type { Trx } from '../../audit/audit-log.js';
import type { MeetingsTable } from '../../db/types-org-life.js';
import { COUNTED_STATUSES } from '../../../domain/member-status.js';
import type { MeetingKind } from '../../../domain/meeting-kinds.js';
import type { MeetingStatus } from '../../../domain/schemas/meetings.js';
import { scopeSql } from '../../scope/access.js';

export type MeetingRow = Selectable<MeetingsTable>;
type Q = Db | Trx;

export interface RosterRow {
  member_id: number;
  name: string;
  gender: string;
  category: 'full' | 'probationary';
  group_name: string | null;
  sort_key: string;
}

/**
 * Who should attend an organization's meetings: members whose formal relationship is the
 * organization itself or one of its 党小组, and who are still counted members (RULES.md §6).
 */
export function rosterOf(db: Q, orgId: number): Promise<RosterRow[]> {
  return db
    .selectFrom('members as m')
    .innerJoin('orgs as o', 'o.id', 'm.org_id')
    .select([
      'm.id as member_id',
      'm.name',
      'm.gender',
      'm.category',
      'm.sort_key',
      sql<string | null>`case when o.id = ${orgId} then null else o.name end`.as('group_name'),
    ])
    .where((eb) => eb.or([eb('m.org_id', '=', orgId), eb.and([eb('o.parent_id', '=', orgId), eb('o.kind', '=', 'party_group')])]))
    .where('m.status', 'in', COUNTED_STATUSES)
    .orderBy('m.sort_key')
    .orderBy('m.id')
    .execute();
}

/** A list filter with everything resolved: the organization (its path when the subtree is asked). */
export interface ResolvedFilter {
  orgId: number;
  /** The subtree's path, or null for the organization alone. */
  subtreePath: string | null;
  kind?: MeetingKind;
  status?: MeetingStatus;
  from?: string;
  to?: string;
  late?: boolean;
}

/** The date a meeting is listed under: when it was held, or when it is planned. */
const dateOf = sql<string>`coalesce(m.held_on, m.planned_on)`;

function filtered(db: Q, f: ResolvedFilter, after: { key: string; id: number } | null) {
  let q = db.selectFrom('meetings as m').innerJoin('orgs as o', 'o.id', 'm.org_id');
  q = f.subtreePath ? q.where(scopeSql('o.path', f.subtreePath)) : q.where('m.org_id', '=', f.orgId);
  if (f.kind) q = q.where(sql<boolean>`${f.kind} = any(m.kinds)`);
  if (f.status) q = q.where('m.status', '=', f.status);
  if (f.from) q = q.where(sql<boolean>`${dateOf} >= ${f.from}::date`);
  if (f.to) q = q.where(sql<boolean>`${dateOf} <= ${f.to}::date`);
  if (f.late !== undefined) q = q.where('m.late', '=', f.late);
  // Newest first: keyset on (date, id) descending.
  if (after) q = q.where(sql<boolean>`(${dateOf}, m.id) < (${after.key}::date, ${after.id})`);
  return q;
}

/** One page of the list, newest first; `after` is the last row of the previous page. */
export function listPage(db: Q, f: ResolvedFilter, after: { key: string; id: number } | null, limit: number) {
  return filtered(db, f, after)
    .select([
      'm.id',
      'm.org_id',
      'o.name as org_name',
      'm.kinds',
      'm.status',
      'm.planned_on',
      'm.held_on',
      'm.start_time',
      'm.place',
      'm.topic',
      'm.host',
      'm.recorder',
      'm.should_attend',
      'm.present',
      'm.late',
      'm.recorded_at',
      dateOf.as('sort_key'),
      sql<number>`(select count(*)::int from meeting_attachments a where a.meeting_id = m.id)`.as('attachment_count'),
    ])
    .orderBy(dateOf, 'desc')
    .orderBy('m.id', 'desc')
    .limit(limit)
    .execute();
}
export type ListRow = Awaited<ReturnType<typeof listPage>>[number];

export async function countMeetings(db: Q, f: ResolvedFilter): Promise<number> {
  const r = await filtered(db, f, null)
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return r.n;
}

/** The meeting if its organization is inside the scope path. */
export function meetingInScope(db: Q, scopePath: string, id: number) {
  return db
    .selectFrom('meetings as m')
    .innerJoin('orgs as o', 'o.id', 'm.org_id')
    .selectAll('m')
    .select(['o.name as org_name', 'o.path as org_path'])
    .where('m.id', '=', id)
    .where(scopeSql('o.path', scopePath))
    .executeTakeFirst();
}
export type ScopedMeeting = NonNullable<Awaited<ReturnType<typeof meetingInScope>>>;

export function attendanceOf(db: Q, meetingId: number) {
  return db
    .selectFrom('meeting_attendance as a')
    .innerJoin('members as p', 'p.id', 'a.member_id')
    .select(['a.member_id', 'p.name', 'p.gender', 'p.category', 'a.present', 'a.absence_reason'])
    .where('a.meeting_id', '=', meetingId)
    .orderBy('p.sort_key')
    .orderBy('p.id')
    .execute();
}

export function attachmentsOf(db: Q, meetingId: number) {
  return db
    .selectFrom('meeting_attachments as a')
    .leftJoin('users as u', 'u.id', 'a.uploaded_by')
    .select(['a.id', 'a.file_name', 'a.mime', 'a.size_bytes', 'a.sha256', 'a.uploaded_at', 'u.display_name as uploaded_by_name'])
    .where('a.meeting_id', '=', meetingId)
    .orderBy('a.id')
    .execute();
}
export type AttachmentMetaRow = Awaited<ReturnType<typeof attachmentsOf>>[number];

export async function userName(db: Q, id: number | null): Promise<string | null> {
  if (id === null) return null;
  const u = await db.selectFrom('users').select('display_name').where('id', '=', id).executeTakeFirst();
  return u?.display_name ?? null;
}
