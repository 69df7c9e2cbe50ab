// Reading meetings: scope checks, the list with its filters, a meeting's detail with attendance,
// attachments and the warnings a reader should see.
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/engine.js';
import { recordDenied } from '../../audit/record.js';
import { notFound } from '../../errors.js';
import { decodeCursor, encodeCursor } from '../../http/keyset-cursor.js';
import { requireOrg } from '../orgs/service.js';
import { ancestorsInScope } from '../orgs/queries.js';
import { congressQuorate, CONGRESS_QUORUM_TEXT } from '../../../domain/rules/meeting-records.js';
import type { TMeetingDetail, TMeetingFilter } from '../../../domain/schemas/meetings.js';
import * as q from './queries.js';
import { presentAttachment, presentRow } from './presenters.js';

/** The meeting if its organization is in the actor's subtree; otherwise 404 (a refused access is audited when it exists). */
export async function requireMeeting(req: FastifyRequest, id: number, action: string): Promise<q.ScopedMeeting> {
  const { db } = req.server.deps;
  const m = await q.meetingInScope(db, req.actor!.scopePath, id);
  if (m) return m;
  if (await db.selectFrom('meetings').select('id').where('id', '=', id).executeTakeFirst()) await recordDenied(req, action, 'meeting', id, 'scope');
  throw notFound('会议记录');
}

/** The filter as asked, checked against the scope: the organization defaults to the actor's own. */
export async function resolveFilter(req: FastifyRequest, f: TMeetingFilter, action: string): Promise<q.ResolvedFilter> {
  const org = await requireOrg(req, f.orgId ?? req.actor!.orgId, action);
  return {
    orgId: org.id,
    subtreePath: f.subtree === 'true' ? org.path : null,
    kind: f.kind, status: f.status, from: f.from, to: f.to,
    late: f.late === undefined ? undefined : f.late === 'true',
  };
}

export async function listMeetings(db: Db, f: q.ResolvedFilter, cursor: string | undefined, limit: number) {
  const rows = await q.listPage(db, f, decodeCursor(cursor), limit + 1);
  const page = rows.slice(0, limit);
  return { items: page.map(presentRow), nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]) : null };
}

export async function meetingDetail(db: Db, scopePath: string, id: number): Promise<TMeetingDetail> {
  const m = await q.meetingInScope(db, scopePath, id);
  if (!m) throw notFound('会议记录');
  const [attendance, attachments, orgPath, createdBy] = await Promise.all([
    q.attendanceOf(db, id), q.attachmentsOf(db, id), ancestorsInScope(db, m.org_path, scopePath), q.userName(db, m.created_by),
  ]);
  const warnings: string[] = [];
  if (m.status === 'held' && m.kinds.includes('branch_congress') && attendance.length) {
    const full = attendance.filter((a) => a.category === 'full');
    if (!congressQuorate(full.length, full.filter((a) => a.present).length)) warnings.push(CONGRESS_QUORUM_TEXT);
  }
  return {
    ...presentRow({ ...m, attachment_count: attachments.length, sort_key: '' }),
    orgPath, recorder: m.recorder, minutes: m.minutes, decisions: m.decisions,
    attendance: attendance.map((a) => ({ memberId: a.member_id, name: a.name, gender: a.gender, category: a.category, present: a.present, absenceReason: a.absence_reason })),
    attachments: attachments.map(presentAttachment),
    warnings, createdBy, version: m.version,
  };
}
