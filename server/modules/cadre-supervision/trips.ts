// 因私出国（境） trips (issue 13 point 8, PILLARS.md §3 "Supervision"): a cadre's application, its approval or refusal,
// the passport in custody (cadre_passports) taken out for an approved trip and due back within the limit of the
// rules in force on the day of return (domain/rules/cadre-trip.ts), the day the cadre came back. The passport is
// handed back through the passport's own return (service.ts), so a late return shows on the trip and on the
// to-do list (cadre_passport_overdue) alike. Scope is checked by the routes (the cadre or the trip).
import { passportDueOn, tripDateProblems, TRIP_RULES } from '../../../domain/rules/cadre-trip.js';
import type { TTrip, TTripApply, TTripDecide, TTripPassport } from '../../../domain/schemas/cadre-supervision.js';
import type { Trx } from '../../audit/audit-log.js';
import type { Ctx } from '../../context.js';
import type { Db } from '../../db/engine.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { scopeSql } from '../../scope/access.js';

export async function applyTrip(ctx: Ctx, trx: Trx, cadreId: number, t: TTripApply): Promise<{ id: number }> {
  const [problem] = tripDateProblems(t);
  if (problem) throw invalid(problem[1], problem[0]);
  return trx
    .insertInto('cadre_trips')
    .values({
      cadre_id: cadreId,
      destinations: t.destinations,
      purpose: t.purpose,
      funded_by: t.fundedBy,
      applied_on: t.appliedOn,
      depart_on: t.departOn,
      return_on: t.returnOn,
      created_by: ctx.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

async function tripOf(trx: Trx, id: number) {
  const t = await trx.selectFrom('cadre_trips').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!t) throw notFound('因私出国（境）申请');
  return t;
}

/** 批准 or 不批准 (with its reason), once, on or after the application. */
export async function decideTrip(trx: Trx, id: number, d: TTripDecide): Promise<{ id: number; cadreId: number; status: string }> {
  const t = await tripOf(trx, id);
  if (t.status !== '待审批') throw conflict('该申请已审批');
  if (d.decidedOn < t.applied_on) throw invalid('审批日期早于申请日期', 'decidedOn');
  if (d.decision === '不批准' && !d.refusalReason) throw invalid('请填写不批准理由', 'refusalReason');
  if (d.decision === '批准' && d.refusalReason) throw invalid('批准的申请不填写不批准理由', 'refusalReason');
  await trx
    .updateTable('cadre_trips')
    .set({
      status: d.decision,
      decided_on: d.decidedOn,
      decided_by: d.decidedBy,
      refusal_reason: d.decision === '不批准' ? d.refusalReason : null,
    })
    .where('id', '=', id)
    .execute();
  return { id, cadreId: t.cadre_id, status: d.decision };
}

/** The cadre's passport in custody taken out for an approved trip: due back by the limit after the planned return. */
export async function takeOutForTrip(
  trx: Trx,
  id: number,
  o: TTripPassport,
): Promise<{ id: number; cadreId: number; passportId: number; dueOn: string }> {
  const t = await tripOf(trx, id);
  if (t.status !== '批准') throw conflict('出国（境）申请未经批准，不能领用证照');
  if (t.passport_id !== null) throw conflict('该次出国（境）已领用证照');
  const p = await trx.selectFrom('cadre_passports').selectAll().where('id', '=', o.passportId).forUpdate().executeTakeFirst();
  // Another cadre's passport answers as a missing one: its id says nothing about the other cadre.
  if (!p || p.cadre_id !== t.cadre_id) throw invalid('该干部没有此证照', 'passportId');
  if (p.taken_out_on && !p.returned_on) throw conflict('证照已领用，尚未交回');
  if (o.takenOutOn < p.handed_in_on) throw invalid('领用日期早于交存日期', 'takenOutOn');
  if (t.decided_on && o.takenOutOn < t.decided_on) throw invalid('领用日期早于批准日期', 'takenOutOn');
  if (o.takenOutOn > t.return_on) throw invalid('领用日期晚于回国（境）日期', 'takenOutOn');
  const { dueOn, rules } = passportDueOn(t.came_back_on ?? t.return_on);
  await trx
    .updateTable('cadre_passports')
    .set({ taken_out_on: o.takenOutOn, trip: t.destinations, trip_id: id, due_on: dueOn, returned_on: null })
    .where('id', '=', p.id)
    .execute();
  await trx.updateTable('cadre_trips').set({ passport_id: p.id, rules_version: rules.version }).where('id', '=', id).execute();
  return { id, cadreId: t.cadre_id, passportId: p.id, dueOn };
}

/** The day the cadre came back: a passport still out is due within the limit from that day. */
export async function tripBack(trx: Trx, id: number, cameBackOn: string): Promise<{ id: number; cadreId: number; dueOn: string | null }> {
  const t = await tripOf(trx, id);
  if (t.status !== '批准') throw conflict('出国（境）申请未经批准');
  if (cameBackOn < t.depart_on) throw invalid('回国（境）日期早于出发日期', 'cameBackOn');
  await trx.updateTable('cadre_trips').set({ came_back_on: cameBackOn }).where('id', '=', id).execute();
  let dueOn: string | null = null;
  if (t.passport_id !== null) {
    const due = passportDueOn(cameBackOn);
    dueOn = due.dueOn;
    await trx
      .updateTable('cadre_passports')
      .set({ due_on: dueOn })
      .where('id', '=', t.passport_id)
      .where('trip_id', '=', id)
      .where('returned_on', 'is', null)
      .execute();
    await trx.updateTable('cadre_trips').set({ rules_version: due.rules.version }).where('id', '=', id).execute();
  }
  return { id, cadreId: t.cadre_id, dueOn };
}

const tripQuery = (db: Db) =>
  db
    .selectFrom('cadre_trips as t')
    .innerJoin('cadres as c', 'c.id', 't.cadre_id')
    .leftJoin('cadre_passports as p', (j) => j.onRef('p.id', '=', 't.passport_id').onRef('p.trip_id', '=', 't.id'))
    .selectAll('t')
    .select([
      'c.name',
      'p.kind as p_kind',
      'p.number as p_number',
      'p.taken_out_on as p_out',
      'p.due_on as p_due',
      'p.returned_on as p_returned',
    ]);
type TripRow = Awaited<ReturnType<ReturnType<typeof tripQuery>['execute']>>[number];

const presentTrip = (r: TripRow, today: string): TTrip => ({
  id: r.id,
  cadreId: r.cadre_id,
  name: r.name,
  destinations: r.destinations,
  purpose: r.purpose,
  fundedBy: r.funded_by,
  appliedOn: r.applied_on,
  departOn: r.depart_on,
  returnOn: r.return_on,
  status: r.status as TTrip['status'],
  decidedOn: r.decided_on,
  decidedBy: r.decided_by,
  refusalReason: r.refusal_reason,
  cameBackOn: r.came_back_on,
  passport:
    r.passport_id !== null && r.p_kind !== null && r.p_number !== null
      ? { id: r.passport_id, kind: r.p_kind, number: r.p_number, takenOutOn: r.p_out, dueOn: r.p_due, returnedOn: r.p_returned }
      : null,
  overdue: r.p_out !== null && r.p_returned === null && r.p_due !== null && r.p_due < today,
  rulesSource: TRIP_RULES.find((x) => x.version === r.rules_version)?.source ?? null,
});

/** A cadre's trips, the latest first. */
export async function tripsOfCadre(db: Db, cadreId: number, today: string): Promise<TTrip[]> {
  const rows = await tripQuery(db).where('t.cadre_id', '=', cadreId).orderBy('t.depart_on', 'desc').orderBy('t.id', 'desc').execute();
  return rows.map((r) => presentTrip(r, today));
}

/** The trips of the cadres managed under a subtree (the export), the latest first. */
export async function tripsUnder(db: Db, path: string, today: string): Promise<TTrip[]> {
  const rows = await tripQuery(db).where(scopeSql('c.manager_path', path)).orderBy('t.depart_on', 'desc').orderBy('t.id', 'desc').execute();
  return rows.map((r) => presentTrip(r, today));
}
