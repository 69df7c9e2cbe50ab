// Changes to dues records. Each runs inside the caller's audited transaction (`trx` only), on the
// request's context (who records it, the clock).
import { sql } from 'kysely';
import type { Trx } from '../../audit/audit-log.js';
import type { Actor } from '../../auth/actor.js';
import type { Ctx } from '../../context.js';
import type { MemberRow } from '../members/access.js';
import { changeMember, writerOf } from '../members/changes.js';
import { conflict, invalid } from '../../errors.js';
import {
  addMonths,
  duesStartMonth,
  goesToCentre,
  monthOf,
  monthlyDuesFen,
  needsBase,
  type DuesBaseSource,
  type DuesCategory,
} from '../../../domain/rules/dues.js';
import type { TBaseCreate, TDuesSettings, TMemberPayment, TReductionCreate, TVoluntary } from '../../../domain/schemas/dues.js';
import { duesOptions } from './settings.js';
import { memberLedger, type LedgerRow } from './queries.js';
import { currentMonth } from './service.js';
import { todayCn } from '../../dates.js';

const ALLOWED_SOURCES: Record<DuesCategory, readonly DuesBaseSource[]> = {
  employed: ['salary', 'annual_pay', 'quarter_avg'], // art. 1, 3, 4
  retired: ['pension'], // art. 5
  farmer: ['fixed'],
  student: ['fixed'],
  unemployed: ['fixed'],
  relief: ['fixed'], // art. 6
};

/** Records a base from its month on (art. 10); a second base in the same month replaces the first. */
export async function addBase(trx: Trx, ctx: Ctx, m: MemberRow, b: TBaseCreate, s: TDuesSettings) {
  const { actor } = ctx;
  const now = ctx.clock.now();
  if (!ALLOWED_SOURCES[b.category].includes(b.source))
    throw invalid('基数来源与党费类别不符（在职按工资、年薪或上季度平均收入，离退休按养老金，其他按定额）', 'source');
  if (needsBase(b.category) && b.baseFen <= 0) throw invalid('请填写税后月收入（分）', 'baseFen');
  const baseFen = needsBase(b.category) ? b.baseFen : 0;
  // art. 8: a probationary member pays from the month of the 支部大会; no base before it.
  if (m.admitted_on && b.effectiveFrom < monthOf(m.admitted_on))
    throw invalid(`党费从支部大会通过接收之月（${monthOf(m.admitted_on)}）起缴纳`, 'effectiveFrom');
  if (b.effectiveFrom > addMonths(currentMonth(now), 12)) throw invalid('生效月份不能晚于一年以后', 'effectiveFrom');
  const dueFen = monthlyDuesFen(b.category, baseFen, duesOptions(s));
  const before = await trx
    .selectFrom('dues_bases')
    .selectAll()
    .where('member_id', '=', m.id)
    .where('effective_from', '=', b.effectiveFrom)
    .executeTakeFirst();
  const row = await trx
    .insertInto('dues_bases')
    .values({
      member_id: m.id,
      category: b.category,
      base_fen: baseFen,
      due_fen: dueFen,
      effective_from: b.effectiveFrom,
      source: b.source,
      note: b.note ?? null,
      recorded_by: actor.userId,
      recorded_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['member_id', 'effective_from']).doUpdateSet({
        category: b.category,
        base_fen: baseFen,
        due_fen: dueFen,
        source: b.source,
        note: b.note ?? null,
        recorded_by: actor.userId,
        recorded_at: now,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  // The member row does not change: the base is kept in the member's history.
  await changeMember(writerOf(trx, actor.userId, now), m.id, {
    action: 'dues.base',
    before: before ? { category: before.category, baseFen: before.base_fen, effectiveFrom: before.effective_from } : null,
    after: { category: row.category, baseFen: row.base_fen, dueFen: row.due_fen, effectiveFrom: row.effective_from, source: row.source },
  });
  return row;
}

export interface PaymentInput extends Omit<TMemberPayment, 'note'> {
  note?: string;
}

/** Regular dues for the given months: each month is paid what is still owed for it, in full. */
export async function payMonths(trx: Trx, ctx: Ctx, m: MemberRow, p: PaymentInput): Promise<{ months: string[]; amountFen: number }> {
  const now = ctx.clock.now();
  const months = [...new Set(p.months)].sort();
  checkPayment(p.paidOn, months.at(-1)!, now);
  const ledger = await memberLedger(trx, m.id, months[0], months.at(-1)!);
  const rows = paymentRows(ctx.actor, m, months, new Map(ledger.map((l) => [l.month, l])), p, now, 'months');
  await trx.insertInto('dues_payments').values(rows).execute();
  return { months, amountFen: rows.reduce((n, r) => n + r.amount_fen, 0) };
}

export function checkPayment(paidOn: string, lastMonth: string, now: Date) {
  if (paidOn > todayCn(now)) throw invalid('缴纳日期不能晚于今天', 'paidOn');
  if (lastMonth > addMonths(currentMonth(now), 12)) throw invalid('最多预缴到一年以后', 'months');
}

/** The payment rows settling `months` of one member from its ledger; refuses a month without dues or already paid. */
export function paymentRows(
  actor: Actor,
  m: MemberRow,
  months: readonly string[],
  ledger: ReadonlyMap<string, LedgerRow>,
  p: PaymentInput,
  now: Date,
  field: string,
) {
  const start = duesStartMonth(m.admitted_on, '0001-01');
  return months.map((month) => {
    const l = ledger.get(month);
    if (!l) throw invalid(`${m.name} ${month} 无应缴党费记录（未设党费基数${month < start ? '，或早于支部大会接收之月' : ''}）`, field);
    const owed = l.due_fen - l.paid_fen;
    if (owed <= 0) throw conflict(`${m.name} ${month} 党费已缴清`, field);
    return {
      member_id: m.id,
      org_id: m.org_id,
      month,
      kind: 'regular' as const,
      amount_fen: owed,
      due_fen: l.due_fen,
      paid_on: p.paidOn,
      receipt_no: p.receiptNo ?? null,
      collected_by: p.collectedBy ?? null,
      note: p.note ?? null,
      recorded_by: actor.userId,
      recorded_at: now,
    };
  });
}

/** art. 11: voluntary extra payments have no limit; one of 1000 元 or more is flagged for the centre. */
export async function payVoluntary(trx: Trx, ctx: Ctx, m: MemberRow, v: TVoluntary) {
  const { actor } = ctx;
  const now = ctx.clock.now();
  if (v.paidOn > ctx.today()) throw invalid('缴纳日期不能晚于今天', 'paidOn');
  const toCentre = goesToCentre(v.amountFen);
  return trx
    .insertInto('dues_payments')
    .values({
      member_id: m.id,
      org_id: m.org_id,
      month: monthOf(v.paidOn),
      kind: 'voluntary',
      amount_fen: v.amountFen,
      due_fen: null,
      paid_on: v.paidOn,
      receipt_no: v.receiptNo ?? null,
      collected_by: null,
      to_centre: toCentre,
      note: v.note ?? null,
      recorded_by: actor.userId,
      recorded_at: now,
    })
    .returning(['id', 'to_centre'])
    .executeTakeFirstOrThrow();
}

/** art. 7: the branch proposes a reduction or exemption; it applies once the higher committee approves. */
export async function proposeReduction(trx: Trx, ctx: Ctx, m: MemberRow, r: TReductionCreate) {
  const { actor } = ctx;
  const now = ctx.clock.now();
  if (r.monthTo < r.monthFrom) throw invalid('结束月份不能早于开始月份', 'monthTo');
  if (r.kind === 'reduce' && r.amountFen === undefined) throw invalid('请填写减免后每月应缴金额', 'amountFen');
  const amountFen = r.kind === 'exempt' ? 0 : r.amountFen!;
  await assertNoOverlap(trx, m.id, r.monthFrom, r.monthTo);
  return trx
    .insertInto('dues_reductions')
    .values({
      member_id: m.id,
      org_id: m.org_id,
      kind: r.kind,
      amount_fen: amountFen,
      month_from: r.monthFrom,
      month_to: r.monthTo,
      reason: r.reason,
      proposed_by: actor.userId,
      proposer_org_id: actor.orgId,
      proposed_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

async function assertNoOverlap(trx: Trx, memberId: number, from: string, to: string, except = 0) {
  const hit = await trx
    .selectFrom('dues_reductions')
    .select(['month_from', 'month_to'])
    .where('member_id', '=', memberId)
    .where('status', 'in', ['proposed', 'approved'])
    .where('id', '!=', except)
    .where('month_from', '<=', to)
    .where('month_to', '>=', from)
    .executeTakeFirst();
  if (hit) throw conflict(`该党员 ${hit.month_from} 至 ${hit.month_to} 已有减免申请或减免`, 'monthFrom');
}

export async function decideReduction(trx: Trx, ctx: Ctx, id: number, decision: 'approve' | 'reject', note: string | undefined) {
  const { actor } = ctx;
  const now = ctx.clock.now();
  const r = await trx.selectFrom('dues_reductions').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
  if (r.status !== 'proposed') throw conflict('该减免申请已审批', 'decision');
  return trx
    .updateTable('dues_reductions')
    .set({
      status: decision === 'approve' ? 'approved' : 'rejected',
      decided_by: actor.userId,
      decided_at: now,
      decision_note: note ?? null,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A rounding or farmer-amount change recomputes every base's monthly amount (one statement per batch). */
export async function recomputeDues(trx: Trx, s: TDuesSettings): Promise<number> {
  const bases = await trx.selectFrom('dues_bases').select(['id', 'category', 'base_fen', 'due_fen']).execute();
  const changed = bases
    .map((b) => ({ id: b.id, due: monthlyDuesFen(b.category, b.base_fen, duesOptions(s)), old: b.due_fen }))
    .filter((b) => b.due !== b.old);
  for (let i = 0; i < changed.length; i += 5000) {
    const part = changed.slice(i, i + 5000);
    await sql`update dues_bases b set due_fen = v.due from unnest(${part.map((c) => c.id)}::bigint[], ${part.map((c) => c.due)}::int[]) as v(id, due) where b.id = v.id`.execute(
      trx,
    );
  }
  return changed.length;
}
