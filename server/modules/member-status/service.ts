// Member status changes: every change is an event row plus the member's change (members/changes.ts,
// its history row included); nothing is deleted (RULES.md §5). The rules (which change from which
// status, when 停止党籍 is allowed) are the pure functions of domain/rules/member-status-rules.ts.
import type { Trx } from '../../audit/audit-log.js';
import type { Ctx } from '../../context.js';
import type { MemberRow } from '../members/access.js';
import type { TStatusChange } from '../../../domain/schemas/member-status.js';
import { EXIT_KIND_LABELS, suspensionProblem, TARGET_STATUS, transitionProblem } from '../../../domain/rules/member-status-rules.js';
import { conflict, invalid } from '../../errors.js';
import { openLetterOf } from '../transfers/queries.js';
import { changeMember, writerOf } from '../members/changes.js';

export async function changeStatus(trx: Trx, ctx: Ctx, m: MemberRow, body: TStatusChange) {
  const { actor } = ctx;
  const today = ctx.today();
  const now = ctx.clock.now();
  // Locked and re-read: the status checked is the status changed.
  const cur = await trx
    .selectFrom('members')
    .select(['id', 'status', 'status_since', 'left_reason'])
    .where('id', '=', m.id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const problem = transitionProblem(body.kind, cur.status);
  if (problem) throw conflict(problem, 'kind');
  if (body.date > today) throw invalid('日期不能晚于今天', 'date');
  const open = await openLetterOf(trx, m.id);
  if (open) throw conflict(`该党员有未办结的组织关系介绍信（${open.letter_no}），请先办结`, 'kind');

  let suspendBasis: string | null = null;
  let details: unknown = null;
  if (body.kind === 'suspend') {
    suspendBasis = body.basis;
    const since = body.basis === 'lost_contact' ? (cur.status === 'lost_contact' ? cur.status_since : null) : (body.abroadSince ?? null);
    const p = suspensionProblem(body.basis, since, body.date);
    if (p) throw conflict(p, body.basis === 'abroad' ? 'abroadSince' : 'basis');
    details = { since };
  }
  // Leaving the mobile state in any direction closes the current 流动党员活动证 record.
  if (cur.status === 'flowing') {
    await trx
      .updateTable('member_flowing')
      .set({ ended_on: body.date })
      .where('member_id', '=', m.id)
      .where('ended_on', 'is', null)
      .execute();
  }
  if (body.kind === 'flowing') {
    details = body.flowing;
    await trx
      .insertInto('member_flowing')
      .values({
        member_id: m.id,
        certificate_no: body.flowing.certificateNo,
        place: body.flowing.place,
        since: body.date,
        contact: body.flowing.contact,
        attending_org: body.flowing.attendingOrg,
      })
      .execute();
  }
  const to = TARGET_STATUS[body.kind];
  const leftReason =
    body.kind === 'leave'
      ? `${EXIT_KIND_LABELS[body.exitKind].zh}：${body.reason}`
      : body.kind === 'death'
        ? `死亡：${body.reason}`
        : to === 'normal'
          ? null
          : cur.left_reason;
  const event = await trx
    .insertInto('member_status_events')
    .values({
      member_id: m.id,
      kind: body.kind,
      from_status: cur.status,
      to_status: to,
      event_date: body.date,
      reason: body.reason,
      document_no: body.documentNo ?? null,
      exit_kind: body.kind === 'leave' ? body.exitKind : null,
      suspend_basis: suspendBasis,
      details: details === null ? null : JSON.stringify(details),
      actor_id: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await changeMember(writerOf(trx, actor.userId, now), m.id, {
    action: `status.${body.kind}`,
    set: { status: to, status_since: body.date, left_reason: leftReason },
    after: { eventId: event.id },
  });
  return { memberId: m.id, eventId: event.id, from: cur.status, to };
}
