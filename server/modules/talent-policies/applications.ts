// An application's applicant side (issue 15 point 5): a person applies for themselves, an employer for one of its
// staff, to an open call for one of its policy's items; the declared evidence can be corrected while the
// application is a draft or was returned, and resubmitted (the history keeps every round).
import type { Trx } from '../../audit/audit-log.js';
import { inTrx, type Ctx } from '../../context.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { addWorkingDays } from '../../../domain/rules/working-days.js';
import type { TApplicationCorrect, TApplicationCreate, TDecision } from '../../../domain/schemas/talent-policies.js';
import { ownEmployerIds, ownPersonId, type Side } from './access.js';
import { lockApplication, moveApplication } from './steps.js';
import { evaluationFor } from './evaluate.js';

/** Working days each review step has before it shows as overdue on the officers' to-do list. */
export const STEP_WORKING_DAYS = 10;

export async function createApplication(ctx: Ctx, trx: Trx, side: Side, b: TApplicationCreate): Promise<number> {
  const call = await trx.selectFrom('talent_calls').selectAll().where('id', '=', b.callId).executeTakeFirst();
  if (!call) throw notFound('申报计划');
  const today = ctx.today();
  if (today < call.opens_on || today > call.closes_on) throw conflict(`申报计划受理时间为 ${call.opens_on} 至 ${call.closes_on}`, 'callId');
  const item = await trx
    .selectFrom('talent_benefit_items')
    .select('id')
    .where('id', '=', b.itemId)
    .where('policy_id', '=', call.policy_id)
    .executeTakeFirst();
  if (!item) throw invalid('该申报计划不含所选项目', 'itemId');
  // Reads inside the transaction (on the embedded engine the transaction holds the only connection).
  const tctx = inTrx(ctx, trx);
  let personId: number | null;
  if (side === 'self') {
    personId = await ownPersonId(tctx);
    if (!personId) throw conflict('请先完成人才登记再申报', 'personId');
  } else {
    if (!b.personId) throw invalid('请选择申报的人才', 'personId');
    const p = await trx.selectFrom('talent_people').select(['id', 'employer_id']).where('id', '=', b.personId).executeTakeFirst();
    if (!p || p.employer_id === null || !(await ownEmployerIds(tctx)).includes(p.employer_id)) throw notFound('人才');
    personId = p.id;
  }
  const person = await trx
    .selectFrom('talent_people')
    .select(['employer_id', 'status'])
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  if (person.status !== 'active') throw conflict('该人才已离开，不能申报', 'personId');
  const open = await trx
    .selectFrom('talent_applications')
    .select('id')
    .where('person_id', '=', personId)
    .where('call_id', '=', call.id)
    .where('item_id', '=', b.itemId)
    .where('status', 'not in', ['withdrawn', 'refused'])
    .executeTakeFirst();
  if (open) throw conflict(`已有该项目的申请（#${open.id}）`, 'itemId');
  const row = await trx
    .insertInto('talent_applications')
    .values({
      call_id: call.id,
      item_id: b.itemId,
      person_id: personId,
      employer_id: person.employer_id,
      applied_as: side,
      applied_by: ctx.actor.userId,
      social_insurance_months: b.socialInsuranceMonths,
      income_tax_months: b.incomeTaxMonths,
      contract_years: b.contractYears,
      statement: b.statement,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('talent_application_steps')
    .values({
      application_id: row.id,
      step: 'create',
      outcome: 'draft',
      from_status: null,
      to_status: 'draft',
      by_user: ctx.actor.userId,
      by_name: ctx.actor.displayName,
      at: ctx.clock.now(),
    })
    .execute();
  return row.id;
}

export async function correctApplication(ctx: Ctx, trx: Trx, id: number, b: TApplicationCorrect): Promise<void> {
  await lockApplication(trx, id, ['draft', 'returned'], '修改（仅草稿或退回的申请可修改）');
  await trx
    .updateTable('talent_applications')
    .set({
      ...(b.socialInsuranceMonths !== undefined ? { social_insurance_months: b.socialInsuranceMonths } : {}),
      ...(b.incomeTaxMonths !== undefined ? { income_tax_months: b.incomeTaxMonths } : {}),
      ...(b.contractYears !== undefined ? { contract_years: b.contractYears } : {}),
      ...(b.statement !== undefined ? { statement: b.statement } : {}),
      updated_at: ctx.clock.now(),
    })
    .where('id', '=', id)
    .execute();
}

/**
 * Submits a draft or resubmits a returned application: the call's required attachments must all be there. An
 * application the employer made, or of a person without an employer, goes straight to the district's first review.
 */
export async function submitApplication(ctx: Ctx, trx: Trx, id: number): Promise<string> {
  const a = await lockApplication(trx, id, ['draft', 'returned'], '提交');
  const call = await trx.selectFrom('talent_calls').selectAll().where('id', '=', a.call_id).executeTakeFirstOrThrow();
  const today = ctx.today();
  // A first submission must fall within the call; a correction of a returned one may come after it closes.
  if (a.status === 'draft' && (today < call.opens_on || today > call.closes_on))
    throw conflict(`申报计划受理时间为 ${call.opens_on} 至 ${call.closes_on}`, 'callId');
  const kinds = new Set(
    (await trx.selectFrom('talent_application_attachments').select('kind').where('application_id', '=', id).execute()).map((r) => r.kind),
  );
  const lacking = (call.required_attachments as string[]).filter((k) => !kinds.has(k));
  if (lacking.length) throw conflict(`缺少申报材料：${lacking.join('、')}`, 'attachments');
  const to = a.applied_as === 'employer' || a.employer_id === null ? 'district_review' : 'employer_review';
  const evaluation = await evaluationFor(trx, a.person_id, a.item_id, today, id);
  await moveApplication(ctx, trx, id, a.status, {
    step: a.status === 'returned' ? 'resubmit' : 'submit',
    outcome: 'submitted',
    to,
    set: {
      submitted_on: today,
      step_due_on: addWorkingDays(today, STEP_WORKING_DAYS),
      evaluation: JSON.stringify(evaluation),
      ...(a.status === 'returned' ? { resubmissions: a.resubmissions + 1 } : {}),
    },
  });
  return to;
}

export async function withdrawApplication(ctx: Ctx, trx: Trx, id: number, reason: string): Promise<void> {
  const a = await lockApplication(trx, id, ['draft', 'returned', 'employer_review', 'district_review'], '撤回');
  await moveApplication(ctx, trx, id, a.status, {
    step: 'withdraw',
    outcome: 'withdrawn',
    reason,
    to: 'withdrawn',
    set: { step_due_on: null },
  });
}

/** The employer's review of its staff member's own application: pass on to the district, or return with a reason. */
export async function employerReview(ctx: Ctx, trx: Trx, id: number, d: TDecision): Promise<string> {
  const a = await lockApplication(trx, id, ['employer_review'], '由用人单位审核');
  if (d.outcome === 'refuse') throw invalid('用人单位只能审核通过或退回修改', 'outcome');
  if (d.outcome === 'return' && !d.reason) throw invalid('退回须说明理由', 'reason');
  const to = d.outcome === 'pass' ? 'district_review' : 'returned';
  await moveApplication(ctx, trx, id, a.status, {
    step: 'employer',
    outcome: d.outcome,
    reason: d.reason,
    to,
    set: { step_due_on: to === 'returned' ? null : addWorkingDays(ctx.today(), STEP_WORKING_DAYS) },
  });
  return to;
}
