// 能上能下 adjustments, the young-cadre pool and the supervision records of a cadre (issue 13 points 6–8).
// Scope is checked by the routes (the cadre, the pool entry, the passport) before a transaction opens; a post
// taken off by an adjustment is ended on the file by its one writer (server/modules/cadres/changes.ts).
import { ADJUSTMENT_2022, ENDS_POST, endReasonOf, retirementBaseOf, situationOf } from '../../../domain/rules/cadre-adjustment.js';
import { POOL_CRITERIA_DEFAULT, poolEligible } from '../../../domain/rules/cadre-pool.js';
import { isCadreLevel } from '../../../domain/rules/cadre-levels.js';
import { retirementDate } from '../../../domain/rules/retirement-age.js';
import type {
  TAdjustmentCreate,
  TPartTime,
  TPassportIn,
  TPassportOut,
  TPoolEnter,
  TPoolEntry,
  TPoolLeave,
  TReport,
  TSupervisionRecords,
} from '../../../domain/schemas/cadre-supervision.js';
import type { Trx } from '../../audit/audit-log.js';
import { inTrx, type Ctx } from '../../context.js';
import type { Db } from '../../db/engine.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { scopeSql } from '../../scope/access.js';
import { changeCadre } from '../cadres/changes.js';
import { cadreRecordOf } from '../cadre-selections/eligibility.js';

/** The retirement month (退出领导岗位) of a cadre, or null when the birth is missing or unreadable. */
export function retirementOf(
  birth: string | null,
  sex: string,
  level: string | null,
): { base: 60 | 55; yearMonth: string; article: string } | null {
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

export async function recordAdjustment(
  ctx: Ctx,
  trx: Trx,
  cadreId: number,
  a: TAdjustmentCreate,
): Promise<{ id: number; appointmentId: number | null }> {
  const situation = situationOf(a.situation);
  if (!situation) throw invalid('不适宜担任现职的情形不存在', 'situation');
  let appointmentId: number | null = null;
  if (ENDS_POST.has(a.kind)) {
    let q = trx.selectFrom('cadre_appointments').select(['id', 'decided_on']).where('cadre_id', '=', cadreId).where('ended_on', 'is', null);
    q =
      a.appointmentId === undefined
        ? q.where('concurrent', '=', false).orderBy('decided_on', 'desc').orderBy('id', 'desc')
        : q.where('id', '=', a.appointmentId);
    const post = await q.executeTakeFirst();
    if (!post) throw invalid(`该干部没有可${a.kind}的现任职务`, 'appointmentId');
    if (post.decided_on > a.decidedOn) throw invalid('调整日期早于任职时间', 'decidedOn');
    appointmentId = post.id;
    await changeCadre(inTrx(ctx, trx), cadreId, {
      section: 'appointments',
      action: 'end',
      reason: `能上能下：${a.kind}`,
      endAppointment: { id: post.id, ended_on: a.decidedOn, end_doc_no: a.docNo || null, end_reason: endReasonOf(a.kind, a.situation) },
    });
  }
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

// ——— The young-cadre pool ———

const poolQuery = (db: Db) =>
  db
    .selectFrom('cadre_pool_entries as p')
    .innerJoin('cadres as c', 'c.id', 'p.cadre_id')
    .select([
      'p.id',
      'p.cadre_id',
      'c.name',
      'c.current_title',
      'c.level',
      'c.birth',
      'p.entered_on',
      'p.nominated_by',
      'p.source',
      'p.eligible',
      'p.findings',
      'p.criteria_version',
      'p.left_on',
      'p.leave_reason',
    ]);
type PoolRow = Awaited<ReturnType<ReturnType<typeof poolQuery>['execute']>>[number];

const presentPool = (p: PoolRow): TPoolEntry => ({
  id: p.id,
  cadreId: p.cadre_id,
  name: p.name,
  title: p.current_title,
  level: p.level,
  birth: p.birth,
  enteredOn: p.entered_on,
  nominatedBy: p.nominated_by,
  source: p.source,
  eligible: p.eligible,
  findings: Array.isArray(p.findings) ? p.findings.map(String) : [],
  criteriaVersion: p.criteria_version,
  leftOn: p.left_on,
  leaveReason: p.leave_reason,
});

/** The pool under the actor's subtree: those in it (or also those who left). */
export async function listPool(db: Db, path: string, all: boolean): Promise<TPoolEntry[]> {
  let q = poolQuery(db).where(scopeSql('c.manager_path', path));
  if (!all) q = q.where('p.left_on', 'is', null);
  return (await q.orderBy('p.entered_on', 'desc').orderBy('p.id', 'desc').execute()).map(presentPool);
}

/** What keeps a cadre out of the pool on a date (poolEligible on their file); empty when they meet every criterion. */
export async function poolFindings(
  db: Db,
  cadreId: number,
  c: { birth: string | null; level: string | null },
  onDate: string,
): Promise<string[]> {
  const findings: string[] = [];
  if (!c.birth) findings.push('出生年月未填写，无法核对年龄条件');
  if (!c.level || !isCadreLevel(c.level)) findings.push('现任职级未填写，无法核对年龄条件');
  if (c.birth && c.level && isCadreLevel(c.level)) {
    const record = await cadreRecordOf(db, cadreId, 0, onDate);
    const birth = c.birth.length === 7 ? `${c.birth}-01` : c.birth;
    findings.push(...poolEligible({ birth, level: c.level, grades: record.grades, sanctions: record.sanctions }, onDate).reasons);
  }
  return findings;
}

/** Enters the pool: the criteria (poolEligible) are checked on the entry date and their findings kept with the entry. */
export async function enterPool(
  ctx: Ctx,
  trx: Trx,
  cadreId: number,
  e: TPoolEnter,
): Promise<{ id: number; eligible: boolean; findings: string[] }> {
  const c = await trx.selectFrom('cadres').select(['birth', 'level']).where('id', '=', cadreId).executeTakeFirst();
  if (!c) throw notFound('干部');
  const open = await trx
    .selectFrom('cadre_pool_entries')
    .select('id')
    .where('cadre_id', '=', cadreId)
    .where('left_on', 'is', null)
    .executeTakeFirst();
  if (open) throw conflict('该干部已在优秀年轻干部库中');
  const findings = await poolFindings(trx, cadreId, c, e.enteredOn);
  const row = await trx
    .insertInto('cadre_pool_entries')
    .values({
      cadre_id: cadreId,
      entered_on: e.enteredOn,
      nominated_by: e.nominatedBy,
      source: e.source,
      eligible: findings.length === 0,
      findings: JSON.stringify(findings),
      criteria_version: POOL_CRITERIA_DEFAULT.version,
      created_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, eligible: findings.length === 0, findings };
}

export async function leavePool(trx: Trx, id: number, l: TPoolLeave): Promise<{ id: number; cadreId: number }> {
  const p = await trx
    .selectFrom('cadre_pool_entries')
    .select(['id', 'cadre_id', 'entered_on', 'left_on'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!p) throw notFound('优秀年轻干部库记录');
  if (p.left_on) throw conflict('该干部已调出优秀年轻干部库');
  if (l.leftOn < p.entered_on) throw invalid('调出日期早于入库日期', 'leftOn');
  await trx.updateTable('cadre_pool_entries').set({ left_on: l.leftOn, leave_reason: l.reason }).where('id', '=', id).execute();
  return { id, cadreId: p.cadre_id };
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

/** Everything of points 6–8 on one cadre: shown on the cadre file. */
export async function supervisionRecords(db: Db, cadreId: number, today: string): Promise<TSupervisionRecords> {
  const c = await db.selectFrom('cadres').select(['id', 'name', 'birth', 'sex', 'level']).where('id', '=', cadreId).executeTakeFirst();
  if (!c) throw notFound('干部');
  const [adjustments, pool, reports, passports, partTime] = await Promise.all([
    db
      .selectFrom('cadre_adjustments as a')
      .leftJoin('cadre_appointments as p', 'p.id', 'a.appointment_id')
      .select(['a.id', 'a.kind', 'a.situation', 'a.decided_on', 'a.doc_no', 'a.appointment_id', 'a.note', 'p.title'])
      .where('a.cadre_id', '=', cadreId)
      .orderBy('a.decided_on', 'desc')
      .orderBy('a.id', 'desc')
      .execute(),
    poolQuery(db).where('p.cadre_id', '=', cadreId).orderBy('p.entered_on', 'desc').execute(),
    db.selectFrom('cadre_matter_reports').selectAll().where('cadre_id', '=', cadreId).orderBy('year', 'desc').execute(),
    db.selectFrom('cadre_passports').selectAll().where('cadre_id', '=', cadreId).orderBy('id').execute(),
    db.selectFrom('cadre_part_time_posts').selectAll().where('cadre_id', '=', cadreId).orderBy('approved_on', 'desc').execute(),
  ]);
  return {
    cadreId: c.id,
    name: c.name,
    retirement: retirementOf(c.birth, c.sex, c.level),
    adjustments: adjustments.map((a) => ({
      id: a.id,
      kind: a.kind as TSupervisionRecords['adjustments'][number]['kind'],
      situation: a.situation,
      situationText: situationOf(a.situation)?.text ?? a.situation,
      article: `${ADJUSTMENT_2022.title}${ADJUSTMENT_2022.article}`,
      decidedOn: a.decided_on,
      docNo: a.doc_no,
      appointmentId: a.appointment_id,
      appointmentTitle: a.title,
      note: a.note,
    })),
    pool: pool.map(presentPool),
    reports: reports.map((r) => ({
      id: r.id,
      year: r.year,
      filedOn: r.filed_on,
      checkKind: r.check_kind as TSupervisionRecords['reports'][number]['checkKind'],
      finding: r.finding,
    })),
    passports: passports.map((p) => ({
      id: p.id,
      kind: p.kind,
      number: p.number,
      handedInOn: p.handed_in_on,
      takenOutOn: p.taken_out_on,
      trip: p.trip,
      dueOn: p.due_on,
      returnedOn: p.returned_on,
      overdue: !!p.taken_out_on && !p.returned_on && !!p.due_on && p.due_on < today,
    })),
    partTime: partTime.map((p) => ({
      id: p.id,
      organization: p.organization,
      post: p.post,
      approvedOn: p.approved_on,
      approvedBy: p.approved_by,
      docNo: p.doc_no,
      paid: p.paid,
      endsOn: p.ends_on,
    })),
  };
}
