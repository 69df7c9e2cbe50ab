// Reading meetings: scope checks, the list with its filters, a meeting's detail with attendance,
// attachments and the warnings a reader should see.
import type { Ctx } from '../../context.js';
import { loadInScope } from '../../scope/access.js';
import { notFound } from '../../errors.js';
import { decodeCursor, encodeCursor } from '../../http/keyset-cursor.js';
import { loadOrg } from '../orgs/service.js';
import { ancestorsInScope } from '../orgs/queries.js';
import { congressQuorate, CONGRESS_QUORUM_TEXT } from '../../../domain/rules/meeting-records.js';
import type { TMeetingDetail, TMeetingFilter } from '../../../domain/schemas/meetings.js';
import * as q from './queries.js';
import { presentAttachment, presentRow } from './presenters.js';

/** The meeting after the scope check (scope/access.ts): outside the subtree or missing, 404, a refusal audited. */
export const loadMeeting = (ctx: Ctx, action: string, id: number): Promise<q.ScopedMeeting> =>
  loadInScope(ctx, action, 'meeting', id, (x) => q.meetingInScope(ctx.db, ctx.actor.scopePath, x));

/** The filter as asked, checked against the scope: the organization defaults to the actor's own. */
export async function resolveFilter(ctx: Ctx, f: TMeetingFilter, action: string): Promise<q.ResolvedFilter> {
  const org = await loadOrg(ctx, action, f.orgId ?? ctx.actor.orgId);
  return {
    orgId: org.id,
    subtreePath: f.subtree === 'true' ? org.path : null,
    kind: f.kind,
    status: f.status,
    from: f.from,
    to: f.to,
    late: f.late === undefined ? undefined : f.late === 'true',
  };
}

export async function listMeetings(ctx: Ctx, f: q.ResolvedFilter, cursor: string | undefined, limit: number) {
  const rows = await q.listPage(ctx.db, f, decodeCursor(cursor), limit + 1);
  const page = rows.slice(0, limit);
  return { items: page.map(presentRow), nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]) : null };
}

export async function meetingDetail(ctx: Ctx, id: number): Promise<TMeetingDetail> {
  const {
    db,
    actor: { scopePath },
  } = ctx;
  const m = await q.meetingInScope(db, scopePath, id);
  if (!m) throw notFound('会议记录');
  const [attendance, attachments, orgPath, createdBy] = await Promise.all([
    q.attendanceOf(db, id),
    q.attachmentsOf(db, id),
    ancestorsInScope(db, m.org_path, scopePath),
    q.userName(db, m.created_by),
  ]);
  const warnings: string[] = [];
  if (m.status === 'held' && m.kinds.includes('branch_congress') && attendance.length) {
    const full = attendance.filter((a) => a.category === 'full');
    if (!congressQuorate(full.length, full.filter((a) => a.present).length)) warnings.push(CONGRESS_QUORUM_TEXT);
  }
  return {
    ...presentRow({ ...m, attachment_count: attachments.length, sort_key: '' }),
    orgPath,
    recorder: m.recorder,
    minutes: m.minutes,
    decisions: m.decisions,
    attendance: attendance.map((a) => ({
      memberId: a.member_id,
      name: a.name,
      gender: a.gender,
      category: a.category,
      present: a.present,
      absenceReason: a.absence_reason,
    })),
    attachments: attachments.map(presentAttachment),
    warnings,
    createdBy,
    version: m.version,
  };
}
