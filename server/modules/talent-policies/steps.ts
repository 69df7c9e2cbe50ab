// The one writer of an application's status: every change writes the decision (who, when, outcome, reason,
// from and to) in the same transaction, so the history of a returned and resubmitted application is complete.
import type { Trx } from '../../audit/audit-log.js';
import type { Ctx } from '../../context.js';
import { conflict, notFound } from '../../errors.js';
import type { TalentApplicationStatus, TalentApplicationsTable } from '../../db/types-talent-policies.js';
import type { Updateable } from 'kysely';
import { sql } from 'kysely';

export interface StepChange {
  step: string;
  outcome: string;
  reason?: string;
  to: TalentApplicationStatus;
  set?: Updateable<TalentApplicationsTable>;
}

/** Reads the application for update and refuses a status the step does not start from. */
export async function lockApplication(trx: Trx, id: number, from: readonly TalentApplicationStatus[], what: string) {
  const a = await trx.selectFrom('talent_applications').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!a) throw notFound('申请');
  if (!from.includes(a.status)) throw conflict(`申请当前状态不能${what}`, 'status');
  return a;
}

export async function moveApplication(ctx: Ctx, trx: Trx, id: number, from: TalentApplicationStatus, c: StepChange): Promise<void> {
  await trx
    .updateTable('talent_applications')
    .set({ ...c.set, status: c.to, updated_at: ctx.clock.now(), version: sql`version + 1` })
    .where('id', '=', id)
    .execute();
  await trx
    .insertInto('talent_application_steps')
    .values({
      application_id: id,
      step: c.step,
      outcome: c.outcome,
      reason: c.reason ?? '',
      from_status: from,
      to_status: c.to,
      by_user: ctx.actor.userId,
      by_name: ctx.actor.displayName,
      at: ctx.clock.now(),
    })
    .execute();
}
