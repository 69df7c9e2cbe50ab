// 能上能下 adjustments, the young-cadre pool and the supervision records of a cadre (issue 13 points 6–8).
// Scope is checked by the routes (the cadre, the pool entry, the passport) before a transaction opens; a post
// taken off by an adjustment is ended on the file by its one writer (server/modules/cadres/changes.ts).
import { ADJUSTMENT_2022, ENDS_POST, endReasonOf, RANK_KINDS, situationOf } from '../../../domain/rules/cadre-adjustment.js';
import { retirementBaseOf, retirementDate, type RetirementBase } from '../../../domain/rules/retirement-age.js';
import type { TAdjustmentCreate, TPartTime, TPassportIn, TPassportOut, TReport } from '../../../domain/schemas/cadre-supervision.js';
import type { Trx } from '../../audit/audit-log.js';
import { inTrx, type Ctx } from '../../context.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { changeCadre } from '../cadres/changes.js';

/** The retirement month (退出领导岗位) of a cadre, or null when the birth is missing or unreadable. */
export function retirementOf(
  birth: string | null,
  sex: string,
  level: string | null,
): { base: RetirementBase; yearMonth: string; article: string } | null {
  if (!birth) return null;
  const base = retirementBaseOf(sex, level);
  try {
    const r = retirementDate(birth.slice(0, 7), base);
    return { base, yearMonth: r.yearMonth, article: r.article };
  } catch {
    return null;
  }
}

// ——— 能上能下 ———

/**
 * 改任职级: the open ranks end on the decision date and the new rank is added, through the file's one writer
 * (its history row names the form), so the file and the 任免审批表 show the rank from that date.
 */
async function addRank(
  w: Ctx,
  trx: Trx,
  cadreId: number,
  rank: NonNullable<TAdjustmentCreate['rank']>,
  decidedOn: string,
  docNo: string,
): Promise<void> {
  const ranks = await trx
    .selectFrom('cadre_ranks')
    .select(['title', 'level', 'decided_on', 'doc_no', 'ended_on'])
    .where('cadre_id', '=', cadreId)
    .orderBy('decided_on')
    .orderBy('id')
    .execute();
  if (ranks.some((r) => r.ended_on === null && r.decided_on > decidedOn)) throw invalid('调整日期早于现任职级的任职时间', 'decidedOn');
  await changeCadre(w, cadreId, {
    section: 'ranks',
    action: 'adjust',
    reason: '能上能下：改任职级',
    ranks: [
      ...ranks.map((r) => ({ ...r, ended_on: r.ended_on ?? decidedOn })),
      { title: rank.title, level: rank.level, decided_on: decidedOn, doc_no: docNo, ended_on: null },
    ],
  });
}

export async function recordAdjustment(
  ctx: Ctx,
  trx: Trx,
  cadreId: number,
  a: TAdjustmentCreate,
): Promise<{ id: number; appointmentId: number | null }> {
  const situation = situationOf(a.situation);
  if (!situation) throw invalid('不适宜担任现职的情形不存在', 'situation');
  if (RANK_KINDS.has(a.kind) && !a.rank) throw invalid('请填写改任的职级', 'rank');
  if (!RANK_KINDS.has(a.kind) && a.rank) throw invalid(`${a.kind}不填写改任的职级`, 'rank');
  const w = inTrx(ctx, trx);
  let appointmentId: number | null = null;
  let post: { id: number; decided_on: string } | undefined;
  if (ENDS_POST.has(a.kind)) {
    let q = trx.selectFrom('cadre_appointments').select(['id', 'decided_on']).where('cadre_id', '=', cadreId).where('ended_on', 'is', null);
    q =
      a.appointmentId === undefined
        ? q.where('concurrent', '=', false).orderBy('decided_on', 'desc').orderBy('id', 'desc')
        : q.where('id', '=', a.appointmentId);
    post = await q.executeTakeFirst();
    // A cadre holding only a rank may change it (改任职级) without a post to end.
    const rankOnly = !post && RANK_KINDS.has(a.kind) && a.appointmentId === undefined;
    if (!post && !rankOnly) throw invalid(`该干部没有可${a.kind}的现任职务`, 'appointmentId');
  }
  if (post) {
    if (post.decided_on > a.decidedOn) throw invalid('调整日期早于任职时间', 'decidedOn');
    appointmentId = post.id;
    await changeCadre(w, cadreId, {
      section: 'appointments',
      action: 'end',
      reason: `能上能下：${a.kind}`,
      endAppointment: { id: post.id, ended_on: a.decidedOn, end_doc_no: a.docNo || null, end_reason: endReasonOf(a.kind, a.situation) },
    });
  }
  if (a.rank) await addRank(w, trx, cadreId, a.rank, a.decidedOn, a.docNo);
  const row = await trx
    .insertInto('cadre_adjustments')
    .values({
      cadre_id: cadreId,
      kind: a.kind,
      situation: a.situation,
      rules_version: ADJUSTMENT_2022.version,
      decided_on: a.decidedOn,
      doc_no: a.docNo,
      appointment_id: appointmentId,
      note: a.note,
      created_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, appointmentId };
}

// ——— Supervision ———

export async function recordReport(ctx: Ctx, trx: Trx, cadreId: number, r: TReport): Promise<{ id: number }> {
  if (r.checkKind === 'none' && r.finding) throw invalid('未抽查核实的报告不填写查核结果', 'finding');
  return trx
    .insertInto('cadre_matter_reports')
    .values({
      cadre_id: cadreId,
      year: r.year,
      filed_on: r.filedOn,
      check_kind: r.checkKind,
      finding: r.finding,
      created_by: ctx.actor.userId,
    })
    .onConflict((oc) =>
      oc
        .columns(['cadre_id', 'year'])
        .doUpdateSet({ filed_on: r.filedOn, check_kind: r.checkKind, finding: r.finding, created_by: ctx.actor.userId }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function handInPassport(ctx: Ctx, trx: Trx, cadreId: number, p: TPassportIn): Promise<{ id: number }> {
  return trx
    .insertInto('cadre_passports')
    .values({ cadre_id: cadreId, kind: p.kind, number: p.number, handed_in_on: p.handedInOn, created_by: ctx.actor.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
}

async function passport(trx: Trx, id: number) {
  const p = await trx.selectFrom('cadre_passports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!p) throw notFound('出国（境）证照');
  return p;
}

/** Taken out for an approved trip: it must be handed back by `dueOn`. */
export async function takeOutPassport(trx: Trx, id: number, o: TPassportOut): Promise<{ id: number; cadreId: number }> {
  const p = await passport(trx, id);
  if (p.taken_out_on && !p.returned_on) throw conflict('证照已领用，尚未交回');
  if (o.takenOutOn < p.handed_in_on) throw invalid('领用日期早于交存日期', 'takenOutOn');
  if (o.dueOn < o.takenOutOn) throw invalid('应交回日期早于领用日期', 'dueOn');
  await trx
    .updateTable('cadre_passports')
    .set({ taken_out_on: o.takenOutOn, trip: o.trip, due_on: o.dueOn, returned_on: null })
    .where('id', '=', id)
    .execute();
  return { id, cadreId: p.cadre_id };
}

export async function returnPassport(trx: Trx, id: number, returnedOn: string): Promise<{ id: number; cadreId: number; late: boolean }> {
  const p = await passport(trx, id);
  if (!p.taken_out_on || p.returned_on) throw conflict('证照未领用，无需交回');
  if (returnedOn < p.taken_out_on) throw invalid('交回日期早于领用日期', 'returnedOn');
  await trx.updateTable('cadre_passports').set({ returned_on: returnedOn }).where('id', '=', id).execute();
  return { id, cadreId: p.cadre_id, late: !!p.due_on && returnedOn > p.due_on };
}

export async function recordPartTime(ctx: Ctx, trx: Trx, cadreId: number, p: TPartTime): Promise<{ id: number }> {
  if (p.endsOn && p.endsOn < p.approvedOn) throw invalid('兼职截止日期早于批准日期', 'endsOn');
  return trx
    .insertInto('cadre_part_time_posts')
    .values({
      cadre_id: cadreId,
      organization: p.organization,
      post: p.post,
      approved_on: p.approvedOn,
      approved_by: p.approvedBy,
      doc_no: p.docNo,
      paid: p.paid,
      ends_on: p.endsOn,
      created_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}
