// The payout schedule and the finance ledger (issue 15 point 5): an instalment is released only after an
// on-the-job check on or after its due date; a failed check stops the later instalments; a clawback (early
// departure or fraud) books a negative ledger row no larger than what was paid, and cancels what is left.
import type { Trx } from '../../audit/audit-log.js';
import type { Ctx } from '../../context.js';
import { conflict, notFound } from '../../errors.js';
import { yuan } from '../../../domain/rules/talent-policy.js';
import type { TClawback } from '../../../domain/schemas/talent-policies.js';
import { lockApplication, moveApplication } from './steps.js';
import { latestEvaluation } from '../talent-evaluations/evaluations.js';

/** The talent's latest evaluation (显绩/潜绩), kept beside the on-the-job check in the step's reason. */
async function evaluationNote(trx: Trx, personId: number): Promise<string> {
  const e = await latestEvaluation(trx, personId);
  return e ? `；${e.year} 年度评价：显绩 ${e.achieved}，潜绩 ${e.potential}，综合 ${e.total}` : '';
}

export async function releasePayout(
  ctx: Ctx,
  trx: Trx,
  id: number,
  payoutId: number,
  b: { onJob: boolean; checkedOn: string; note: string },
): Promise<'released' | 'stopped'> {
  const a = await lockApplication(trx, id, ['paying'], '发放（不在发放阶段）');
  const p = await trx
    .selectFrom('talent_payouts')
    .selectAll()
    .where('id', '=', payoutId)
    .where('application_id', '=', id)
    .executeTakeFirst();
  if (!p) throw notFound('发放计划');
  if (p.status !== 'scheduled') throw conflict('该期已发放或已取消', 'payoutId');
  const earlier = await trx
    .selectFrom('talent_payouts')
    .select('seq')
    .where('application_id', '=', id)
    .where('seq', '<', p.seq)
    .where('status', '=', 'scheduled')
    .executeTakeFirst();
  if (earlier) throw conflict(`请先办理第 ${earlier.seq} 期`, 'payoutId');
  const today = ctx.today();
  if (p.due_on > today) throw conflict(`第 ${p.seq} 期 ${p.due_on} 到期，未到发放时间`, 'payoutId');
  if (b.checkedOn > today) throw conflict('核查日期不能晚于今天', 'checkedOn');
  if (!b.onJob) {
    await trx
      .updateTable('talent_payouts')
      .set({ status: 'cancelled', checked_on: b.checkedOn, check_note: b.note })
      .where('application_id', '=', id)
      .where('status', '=', 'scheduled')
      .execute();
    await moveApplication(ctx, trx, id, a.status, {
      step: 'payout',
      outcome: 'stopped',
      reason: `在岗核查未通过：${b.note}${await evaluationNote(trx, a.person_id)}`,
      to: 'completed',
      set: { step_due_on: null },
    });
    return 'stopped';
  }
  await trx
    .updateTable('talent_payouts')
    .set({ status: 'released', checked_on: b.checkedOn, check_note: b.note, released_on: today })
    .where('id', '=', p.id)
    .execute();
  await trx
    .insertInto('talent_ledger')
    .values({
      application_id: id,
      person_id: a.person_id,
      item_id: a.item_id,
      payout_id: p.id,
      kind: 'payout',
      amount_fen: p.amount_fen,
      booked_on: today,
      reason: `第 ${p.seq} 期（在岗核查：${b.note}）`,
      by_user: ctx.actor.userId,
      at: ctx.clock.now(),
    })
    .execute();
  const next = await trx
    .selectFrom('talent_payouts')
    .select('due_on')
    .where('application_id', '=', id)
    .where('status', '=', 'scheduled')
    .orderBy('seq')
    .executeTakeFirst();
  await moveApplication(ctx, trx, id, a.status, {
    step: 'payout',
    outcome: 'released',
    reason: `第 ${p.seq} 期 ${yuan(p.amount_fen)}${await evaluationNote(trx, a.person_id)}`,
    to: next ? 'paying' : 'completed',
    set: { step_due_on: next?.due_on ?? null },
  });
  return 'released';
}

export async function clawBack(ctx: Ctx, trx: Trx, id: number, b: TClawback): Promise<number> {
  const a = await lockApplication(trx, id, ['paying', 'completed'], '追回（未发放或已追回）');
  const { net } = await trx
    .selectFrom('talent_ledger')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_fen'), eb.lit(0)).as('net'))
    .where('application_id', '=', id)
    .executeTakeFirstOrThrow();
  const paid = Number(net);
  if (paid <= 0) throw conflict('该申请尚无已发放金额', 'amountFen');
  if (b.amountFen > paid) throw conflict(`追回金额不能超过已发放的 ${yuan(paid)}`, 'amountFen');
  const cause = b.cause === 'fraud' ? '弄虚作假' : '提前离职';
  await trx
    .updateTable('talent_payouts')
    .set({ status: 'cancelled', check_note: `追回：${cause}` })
    .where('application_id', '=', id)
    .where('status', '=', 'scheduled')
    .execute();
  const row = await trx
    .insertInto('talent_ledger')
    .values({
      application_id: id,
      person_id: a.person_id,
      item_id: a.item_id,
      kind: 'clawback',
      amount_fen: -b.amountFen,
      booked_on: ctx.today(),
      reason: `${cause}：${b.reason}`,
      by_user: ctx.actor.userId,
      at: ctx.clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await moveApplication(ctx, trx, id, a.status, {
    step: 'clawback',
    outcome: b.cause,
    reason: `追回 ${yuan(b.amountFen)}：${b.reason}`,
    to: 'clawed_back',
    set: { step_due_on: null },
  });
  return row.id;
}
