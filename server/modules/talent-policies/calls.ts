// Calls (申报计划, issue 15 point 5): a policy's call with its open and close dates and the attachments every
// application must carry.
import type { Trx } from '../../audit/audit-log.js';
import type { Ctx } from '../../context.js';
import { conflict, notFound } from '../../errors.js';
import type { TCallCreate } from '../../../domain/schemas/talent-policies.js';

export async function createCall(ctx: Ctx, trx: Trx, b: TCallCreate): Promise<number> {
  if (b.closesOn < b.opensOn) throw conflict('截止日期不能早于开始日期', 'closesOn');
  const p = await trx.selectFrom('talent_policies').select('id').where('id', '=', b.policyId).executeTakeFirst();
  if (!p) throw notFound('政策');
  const row = await trx
    .insertInto('talent_calls')
    .values({
      policy_id: b.policyId,
      title: b.title,
      opens_on: b.opensOn,
      closes_on: b.closesOn,
      required_attachments: JSON.stringify(b.requiredAttachments),
      note: b.note,
      created_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
