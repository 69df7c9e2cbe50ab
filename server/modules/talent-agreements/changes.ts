// The one writer of 柔性引才 agreements (docs/architecture.md, "One writer per record"): talent_agreements,
// their on-site days and their deliverables change only here, in the caller's transaction (the route's audited
// one), with who and when. A change of the agreement itself checks the version the caller read (409 when stale).
import type { Ctx } from '../../context.js';
import { conflict, notFound } from '../../errors.js';
import type { TAgreementForm, TDeliverableCreate, TDeliverableDecide, TOnsiteDays } from '../../../domain/schemas/talent-agreements.js';

export const STALE_AGREEMENT = '该协议已被他人修改，请刷新后再操作';

export interface NewAgreement {
  personId: number;
  employerId: number;
  homeInstitution: string;
  form: TAgreementForm;
  startsOn: string;
  endsOn: string;
  onsiteDaysPromised: number;
  payFen: number;
  payTerms: string;
  ipTerms: string;
  note: string;
  renewedFrom?: number | null;
}

export async function insertAgreement(ctx: Ctx, a: NewAgreement, deliverables: TDeliverableCreate[]): Promise<number> {
  const now = ctx.clock.now();
  const row = await ctx.db
    .insertInto('talent_agreements')
    .values({
      person_id: a.personId,
      employer_id: a.employerId,
      home_institution: a.homeInstitution,
      form: a.form,
      starts_on: a.startsOn,
      ends_on: a.endsOn,
      onsite_days_promised: a.onsiteDaysPromised,
      pay_fen: a.payFen,
      pay_terms: a.payTerms,
      ip_terms: a.ipTerms,
      note: a.note,
      renewed_from: a.renewedFrom ?? null,
      created_by: ctx.actor.userId,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const d of deliverables) await insertDeliverable(ctx, row.id, d);
  return row.id;
}

export async function insertDeliverable(ctx: Ctx, agreementId: number, d: TDeliverableCreate): Promise<number> {
  const r = await ctx.db
    .insertInto('talent_deliverables')
    .values({ agreement_id: agreementId, title: d.title, due_on: d.dueOn, accepted_on: null, accepted_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function insertDays(ctx: Ctx, agreementId: number, d: TOnsiteDays, recordedAs: 'office' | 'employer'): Promise<number> {
  const r = await ctx.db
    .insertInto('talent_agreement_days')
    .values({
      agreement_id: agreementId,
      from_on: d.fromOn,
      days: d.days,
      note: d.note,
      user_id: ctx.actor.userId,
      at: ctx.clock.now(),
      recorded_as: recordedAs,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Accepts a deliverable or returns it for rework; `decidedOn` is kept in accepted_on (the day of the decision). */
export async function decideDeliverable(ctx: Ctx, agreementId: number, deliverableId: number, b: TDeliverableDecide): Promise<void> {
  const r = await ctx.db
    .updateTable('talent_deliverables')
    .set({ outcome: b.outcome, accepted_on: b.decidedOn, acceptance: b.acceptance, accepted_by: ctx.actor.userId })
    .where('id', '=', deliverableId)
    .where('agreement_id', '=', agreementId)
    .where((eb) => eb.or([eb('outcome', 'is', null), eb('outcome', '=', 'returned')]))
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw conflict('该成果已验收通过', 'deliverableId');
}

/** Changes the agreement's status (end, termination) under its version. */
export async function changeAgreement(
  ctx: Ctx,
  id: number,
  version: number,
  set: { status?: 'active' | 'ended' | 'terminated'; ended_on?: string | null; end_reason?: string },
): Promise<void> {
  const r = await ctx.db
    .updateTable('talent_agreements')
    .set((eb) => ({ ...set, version: eb('version', '+', 1), updated_at: ctx.clock.now() }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) {
    const exists = await ctx.db.selectFrom('talent_agreements').select('id').where('id', '=', id).executeTakeFirst();
    if (!exists) throw notFound('柔性引才协议');
    throw conflict(STALE_AGREEMENT, 'version');
  }
}
