// The branch's monthly routine: pick the month, tick who paid, save. All or nothing.
import type { Trx } from '../../audit/audit-log.js';
import type { Ctx } from '../../context.js';
import { COUNTED_STATUSES } from '../../../domain/member-status.js';
import type { TBulkPayment } from '../../../domain/schemas/dues.js';
import { invalid } from '../../errors.js';
import { checkPayment, paymentRows } from './changes.js';
import { ledgerOf } from './queries.js';

export async function bulkPay(trx: Trx, ctx: Ctx, orgId: number, b: TBulkPayment): Promise<{ members: number; amountFen: number }> {
  const { actor } = ctx;
  const now = ctx.clock.now();
  const ids = b.items.map((i) => i.memberId);
  if (new Set(ids).size !== ids.length) throw invalid('同一党员重复勾选', 'items');
  checkPayment(b.paidOn, b.month, now);
  const members = await trx
    .selectFrom('members')
    .selectAll()
    .where('id', 'in', ids)
    .where('org_id', '=', orgId)
    .where('status', 'in', COUNTED_STATUSES)
    .execute();
  const byId = new Map(members.map((m) => [m.id, m]));
  // One ledger read for the whole branch and month, one insert for all ticked members.
  const ledger = new Map((await ledgerOf(trx, { orgId }, b.month, b.month)).map((l) => [l.member_id, l]));
  const rows = b.items.flatMap((item, i) => {
    const m = byId.get(item.memberId);
    // Same answer for a member of another branch and one that does not exist (SECURITY.md 13).
    if (!m) throw invalid(`第 ${i + 1} 项：该党员不在本支部`, `items.${i}.memberId`);
    const l = ledger.get(m.id);
    return paymentRows(
      actor,
      m,
      [b.month],
      new Map(l ? [[b.month, l]] : []),
      { months: [b.month], paidOn: b.paidOn, receiptNo: item.receiptNo, collectedBy: b.collectedBy },
      now,
      `items.${i}.memberId`,
    );
  });
  await trx.insertInto('dues_payments').values(rows).execute();
  return { members: b.items.length, amountFen: rows.reduce((n, r) => n + r.amount_fen, 0) };
}
